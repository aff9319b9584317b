// PRODUCT.md §7 admission: a contact goes to the ERP when it already exists there, or has an order
// (or is marked important — the seed's mandatory tier), or its score ≥ 80, or (amount > 1000 and
// ≥ 3 inquiries). Everything else stays local. A contact with nothing to identify it (no name, phone
// or company) is never pushed, as in the seed's skip rule. "Amount" is the contact's deal amount,
// the only money figure a contact carries.

export type TAdmissionInput = {
  erpCode: string | null;
  vip: boolean;
  orderCount: number;
  score: number;
  dealAmount: number;
  inquiryCount: number;
  name: string | null;
  phone: string | null;
  company: string | null;
};

export type TAdmission =
  | {
      admit: true;
      reason: "exists-in-erp" | "has-order" | "important" | "high-score" | "amount-and-inquiries";
    }
  | { admit: false; reason: "no-identity" | "not-qualified" };

export function erpAdmission(c: TAdmissionInput): TAdmission {
  if (c.erpCode) return { admit: true, reason: "exists-in-erp" };
  if (!c.name && !c.phone && !c.company) return { admit: false, reason: "no-identity" };
  if (c.orderCount > 0) return { admit: true, reason: "has-order" };
  if (c.vip) return { admit: true, reason: "important" };
  if (c.score >= 80) return { admit: true, reason: "high-score" };
  if (c.dealAmount > 1000 && c.inquiryCount >= 3) return { admit: true, reason: "amount-and-inquiries" };
  return { admit: false, reason: "not-qualified" };
}
