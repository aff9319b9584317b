import { describe, expect, it } from "vitest";
import {
  addDays,
  parseRangeParams,
  rangeProblem,
  resolveRange,
  todayIn,
  toSearchParams,
  type TRangeParams,
} from "./range";

describe("overview date ranges", () => {
  it("takes today in the tenant's time zone, not the browser's", () => {
    const lateUtc = new Date("2026-03-01T18:30:00Z"); // 02:30 on the 2nd in Shanghai
    expect(todayIn("Asia/Shanghai", lateUtc)).toBe("2026-03-02");
    expect(todayIn("America/New_York", lateUtc)).toBe("2026-03-01");
  });

  it("resolves presets as whole days ending today, across month and year ends", () => {
    expect(resolveRange({ kind: "preset", preset: "today" }, "2026-03-02")).toEqual({
      from: "2026-03-02",
      to: "2026-03-02",
    });
    expect(resolveRange({ kind: "preset", preset: "7d" }, "2026-03-02")).toEqual({
      from: "2026-02-24",
      to: "2026-03-02",
    });
    expect(resolveRange({ kind: "preset", preset: "90d" }, "2026-01-15").from).toBe("2025-10-18");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("round-trips every view through the URL", () => {
    const views: TRangeParams[] = [
      { kind: "preset", preset: "7d", channel: undefined },
      { kind: "preset", preset: "30d", channel: "WECHAT" },
      { kind: "custom", from: "2026-01-01", to: "2026-01-31", channel: "API" },
    ];
    for (const v of views) expect(parseRangeParams(toSearchParams(v))).toEqual(v);
    expect(toSearchParams(views[0]).toString()).toBe("");
  });

  it("ignores unknown or impossible values in a hand-edited URL", () => {
    const parse = (q: string) => parseRangeParams(new URLSearchParams(q));
    expect(parse("range=1y&channel=FAX")).toEqual({ kind: "preset", preset: "7d", channel: undefined });
    expect(parse("from=2026-02-30&to=2026-03-02").kind).toBe("preset");
    expect(parse("from=2026-03-02&to=2026-03-01").kind).toBe("preset");
  });

  it("explains why a custom range is refused", () => {
    expect(rangeProblem("2026-01-01", "2026-04-03")).toBe(null); // 92 days after: the limit
    expect(rangeProblem("2026-01-01", "2026-04-04")).toBe("tooLong");
    expect(rangeProblem("2026-01-02", "2026-01-01")).toBe("reversed");
    expect(rangeProblem("", "2026-01-01")).toBe("invalid");
  });
});
