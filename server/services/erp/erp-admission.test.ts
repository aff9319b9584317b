import { describe, expect, it } from "vitest";
import { erpAdmission, type TAdmissionInput } from "./erp-admission";

const unknown: TAdmissionInput = {
  erpCode: null,
  vip: false,
  orderCount: 0,
  score: 50,
  dealAmount: 0,
  inquiryCount: 0,
  name: "王先生",
  phone: null,
  company: null,
};

describe("erpAdmission", () => {
  it("keeps an unknown low-value contact local", () => {
    expect(erpAdmission(unknown)).toEqual({ admit: false, reason: "not-qualified" });
  });
  it("admits by priority: existing, order, important, score, amount with inquiries", () => {
    expect(erpAdmission({ ...unknown, erpCode: "1" }).reason).toBe("exists-in-erp");
    expect(erpAdmission({ ...unknown, orderCount: 1 }).reason).toBe("has-order");
    expect(erpAdmission({ ...unknown, vip: true }).reason).toBe("important");
    expect(erpAdmission({ ...unknown, score: 80 }).reason).toBe("high-score");
    expect(erpAdmission({ ...unknown, dealAmount: 1000.01, inquiryCount: 3 }).reason).toBe(
      "amount-and-inquiries",
    );
  });
  it("needs both amount > 1000 and ≥ 3 inquiries, and some identity", () => {
    expect(erpAdmission({ ...unknown, dealAmount: 1000, inquiryCount: 9 }).admit).toBe(false);
    expect(erpAdmission({ ...unknown, dealAmount: 5000, inquiryCount: 2 }).admit).toBe(false);
    expect(erpAdmission({ ...unknown, name: null, score: 95 })).toEqual({
      admit: false,
      reason: "no-identity",
    });
  });
});
