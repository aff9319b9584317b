import { describe, expect, it } from "vitest";
import { startOfDayIn } from "./start-of-day";

describe("startOfDayIn", () => {
  it("is local midnight as an instant", () => {
    // 17:00 UTC is 01:00 the next day in Shanghai (UTC+8): the day began at 16:00 UTC
    const now = new Date("2026-11-27T17:00:00.500Z");
    expect(startOfDayIn("Asia/Shanghai", now).toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(startOfDayIn("UTC", now).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(startOfDayIn("America/New_York", now).toISOString()).toBe("2026-11-27T05:00:00.000Z");
  });
});
