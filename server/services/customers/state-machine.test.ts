import { describe, expect, it } from "vitest";
import { ALLOWED, isInactive, nextState } from "./state-machine";

describe("nextState", () => {
  it("walks NEW → POTENTIAL → DEAL → REPURCHASE", () => {
    expect(nextState("NEW", "inquiry")).toBe("POTENTIAL");
    expect(nextState("POTENTIAL", "order")).toBe("DEAL");
    expect(nextState("DEAL", "order", 1)).toBe("REPURCHASE");
    expect(nextState("DEAL", "repeat_order", 1)).toBe("REPURCHASE");
  });
  it("ignores events that change nothing", () => {
    expect(nextState("DEAL", "inquiry")).toBeNull();
    expect(nextState("REPURCHASE", "order", 3)).toBeNull();
    expect(nextState("CHURNED", "inactive")).toBeNull();
    expect(nextState("POTENTIAL", "returned")).toBeNull();
  });
  it("refuses a repeat order without a first deal", () => {
    expect(() => nextState("NEW", "repeat_order")).toThrow(/first deal/);
    expect(() => nextState("POTENTIAL", "repeat_order")).toThrow(/first deal/);
  });
  it("churns any state and brings churned customers back by their history", () => {
    for (const s of ["NEW", "POTENTIAL", "DEAL", "REPURCHASE"] as const)
      expect(nextState(s, "inactive")).toBe("CHURNED");
    expect(nextState("CHURNED", "returned", 0)).toBe("POTENTIAL");
    expect(nextState("CHURNED", "returned", 2)).toBe("DEAL");
    expect(nextState("CHURNED", "order", 2)).toBe("REPURCHASE");
  });
  it("only produces allowed transitions", () => {
    for (const from of Object.keys(ALLOWED) as (keyof typeof ALLOWED)[])
      for (const ev of ["inquiry", "order", "inactive", "returned"] as const)
        for (const n of [0, 1]) {
          const to = nextState(from, ev, n);
          if (to) expect(ALLOWED[from]).toContain(to);
        }
  });
});

describe("isInactive", () => {
  it("is true after 90 days without a message", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(isInactive(new Date("2026-03-01T00:00:00Z"), now, now)).toBe(true);
    expect(isInactive(new Date("2026-03-10T00:00:00Z"), now, now)).toBe(false);
  });
});
