import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_PERMISSIONS } from "./permissions";

describe("role → permission map", () => {
  it("gives the owner everything and the viewer only reading", () => {
    expect([...ROLE_PERMISSIONS.OWNER].sort()).toEqual([...PERMISSIONS].sort());
    expect([...ROLE_PERMISSIONS.VIEWER].every((p) => p.endsWith(".read"))).toBe(true);
  });

  it("matches PRODUCT.md §1", () => {
    expect(can("ADMIN", "members.manage")).toBe(true);
    expect(can("ADMIN", "tenant.delete")).toBe(false);
    expect(can("ADMIN", "tenant.transfer")).toBe(false);
    expect(can("AGENT", "workbench.use")).toBe(true);
    expect(can("AGENT", "kb.write")).toBe(false);
    expect(can("REVIEWER", "review.use")).toBe(true);
    expect(can("REVIEWER", "kb.write")).toBe(true);
    expect(can("REVIEWER", "workbench.use")).toBe(false);
    expect(can("VIEWER", "dashboard.read")).toBe(true);
    expect(can("VIEWER", "customers.write")).toBe(false);
  });

  it("never lets a lower role do what a higher one cannot", () => {
    for (const p of ROLE_PERMISSIONS.ADMIN) expect(can("OWNER", p)).toBe(true);
    for (const p of ROLE_PERMISSIONS.AGENT) expect(can("ADMIN", p)).toBe(true);
    for (const p of ROLE_PERMISSIONS.REVIEWER) expect(can("ADMIN", p)).toBe(true);
    for (const p of ROLE_PERMISSIONS.VIEWER) expect(can("AGENT", p) && can("REVIEWER", p)).toBe(true);
  });
});
