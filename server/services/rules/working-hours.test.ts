import { describe, expect, it } from "vitest";
import { ZWorkingHoursConfig } from "./working-hours-schema";
import { formatOpening, isWithinWorkingHours, nextOpening } from "./working-hours";

const at = (iso: string) => new Date(iso);
const shanghai = ZWorkingHoursConfig.parse({});

describe("isWithinWorkingHours (Asia/Shanghai, default Mon–Fri 09:00–18:00)", () => {
  it.each([
    ["2025-11-10T00:59:59Z", false], // Mon 08:59:59
    ["2025-11-10T01:00:00Z", true], // Mon 09:00
    ["2025-11-10T09:59:59Z", true], // Mon 17:59:59
    ["2025-11-10T10:00:00Z", false], // Mon 18:00: the end is exclusive
    ["2025-11-14T16:00:00Z", false], // Sat 00:00 local although Friday in UTC
    ["2025-11-15T03:00:00Z", false], // Sat 11:00
    ["2025-11-09T17:00:00Z", false], // Mon 01:00 local, though still Sunday in UTC
  ])("%s → %s", (iso, open) => {
    expect(isWithinWorkingHours(shanghai, at(iso))).toBe(open);
  });

  it("closes on holidays and opens on extra working days with the usual weekday hours", () => {
    const config = ZWorkingHoursConfig.parse({
      holidays: ["2025-10-01", "2025-10-02"],
      extraWorkdays: ["2025-09-28", { date: "2025-10-11", ranges: ["10:00-12:00"] }],
    });
    expect(isWithinWorkingHours(config, at("2025-10-01T03:00:00Z"))).toBe(false); // Wed, holiday
    expect(isWithinWorkingHours(config, at("2025-10-03T03:00:00Z"))).toBe(true); // Fri, normal
    expect(isWithinWorkingHours(config, at("2025-09-28T03:00:00Z"))).toBe(true); // Sun, 调休
    expect(isWithinWorkingHours(config, at("2025-10-11T01:30:00Z"))).toBe(false); // Sat 09:30
    expect(isWithinWorkingHours(config, at("2025-10-11T02:30:00Z"))).toBe(true); // Sat 10:30
  });

  it("handles overnight ranges, owned by the day they start on", () => {
    const night = ZWorkingHoursConfig.parse({ schedule: { fri: ["22:00-02:00"] } });
    expect(isWithinWorkingHours(night, at("2025-11-14T14:30:00Z"))).toBe(true); // Fri 22:30
    expect(isWithinWorkingHours(night, at("2025-11-14T17:30:00Z"))).toBe(true); // Sat 01:30
    expect(isWithinWorkingHours(night, at("2025-11-14T18:00:00Z"))).toBe(false); // Sat 02:00
    expect(isWithinWorkingHours(night, at("2025-11-14T03:00:00Z"))).toBe(false); // Fri 11:00: fri replaced
    const fridayOff = ZWorkingHoursConfig.parse({
      schedule: { fri: ["22:00-02:00"] },
      holidays: ["2025-11-14"],
    });
    expect(isWithinWorkingHours(fridayOff, at("2025-11-14T17:30:00Z"))).toBe(false);
  });

  it("supports round-the-clock service", () => {
    const always = ZWorkingHoursConfig.parse({
      schedule: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ["00:00-24:00"]]),
      ),
    });
    expect(isWithinWorkingHours(always, at("2025-11-15T15:59:59Z"))).toBe(true); // Sat 23:59:59
    expect(isWithinWorkingHours(always, at("2025-11-15T16:00:00Z"))).toBe(true); // Sun 00:00
  });
});

describe("nextOpening", () => {
  it("returns now while open, the next start otherwise", () => {
    const now = at("2025-11-10T03:00:00Z");
    expect(nextOpening(shanghai, now)).toEqual(now);
    expect(nextOpening(shanghai, at("2025-11-09T23:00:00Z"))).toEqual(at("2025-11-10T01:00:00Z")); // Mon 07:00
    expect(nextOpening(shanghai, at("2025-11-14T10:30:00Z"))).toEqual(at("2025-11-17T01:00:00Z")); // Fri 18:30
  });

  it("skips holidays and uses extra working days", () => {
    const golden = ZWorkingHoursConfig.parse({
      holidays: ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"],
      extraWorkdays: ["2025-09-28"],
    });
    expect(nextOpening(golden, at("2025-09-30T11:00:00Z"))).toEqual(at("2025-10-09T01:00:00Z"));
    expect(nextOpening(golden, at("2025-09-27T04:00:00Z"))).toEqual(at("2025-09-28T01:00:00Z"));
  });

  it("is null when the schedule never opens", () => {
    const closed = ZWorkingHoursConfig.parse({
      schedule: { mon: [], tue: [], wed: [], thu: [], fri: [] },
    });
    expect(isWithinWorkingHours(closed, at("2025-11-10T03:00:00Z"))).toBe(false);
    expect(nextOpening(closed, at("2025-11-10T03:00:00Z"))).toBeNull();
  });
});

describe("Europe/Berlin across daylight-saving changes", () => {
  const berlin = ZWorkingHoursConfig.parse({ timezone: "Europe/Berlin" });

  it("opens at 09:00 local time on both sides of the spring change (30 Mar 2025)", () => {
    expect(isWithinWorkingHours(berlin, at("2025-03-28T08:00:00Z"))).toBe(true); // Fri 09:00 CET
    expect(isWithinWorkingHours(berlin, at("2025-03-31T06:30:00Z"))).toBe(false); // Mon 08:30 CEST
    expect(isWithinWorkingHours(berlin, at("2025-03-31T07:00:00Z"))).toBe(true); // Mon 09:00 CEST
    expect(nextOpening(berlin, at("2025-03-28T18:00:00Z"))).toEqual(at("2025-03-31T07:00:00Z"));
  });

  it("opens at 09:00 local time after the autumn change (26 Oct 2025)", () => {
    expect(isWithinWorkingHours(berlin, at("2025-10-27T07:30:00Z"))).toBe(false); // Mon 08:30 CET
    expect(isWithinWorkingHours(berlin, at("2025-10-27T08:00:00Z"))).toBe(true); // Mon 09:00 CET
    expect(nextOpening(berlin, at("2025-10-24T17:00:00Z"))).toEqual(at("2025-10-27T08:00:00Z"));
  });

  it("keeps an overnight range on the wall clock through the change", () => {
    const night = ZWorkingHoursConfig.parse({
      timezone: "Europe/Berlin",
      schedule: { sat: ["22:00-06:00"] },
    });
    expect(isWithinWorkingHours(night, at("2025-10-25T20:00:00Z"))).toBe(true); // Sat 22:00 CEST
    expect(isWithinWorkingHours(night, at("2025-10-26T04:30:00Z"))).toBe(true); // Sun 05:30 CET
    expect(isWithinWorkingHours(night, at("2025-10-26T05:00:00Z"))).toBe(false); // Sun 06:00 CET
  });

  it("moves an opening inside the skipped hour to just after it", () => {
    const early = ZWorkingHoursConfig.parse({
      timezone: "Europe/Berlin",
      schedule: { sun: ["02:30-04:00"] },
    });
    expect(nextOpening(early, at("2025-03-29T12:00:00Z"))).toEqual(at("2025-03-30T01:30:00Z")); // 03:30 CEST
  });
});

describe("formatOpening", () => {
  it("formats in the tenant's zone and language", () => {
    expect(formatOpening(at("2025-11-17T01:00:00Z"), "Asia/Shanghai", "zh-CN")).toBe("11月17日周一 09:00");
    expect(formatOpening(at("2025-11-17T01:00:00Z"), "Asia/Shanghai", "en")).toBe("Mon, Nov 17, 09:00");
    expect(formatOpening(null, "Asia/Shanghai", "zh-CN")).toBe("下一个工作时间");
  });
});

describe("ZWorkingHoursConfig", () => {
  it.each([
    [{ timezone: "Mars/Olympus" }],
    [{ schedule: { mon: ["9:00-18:00"] } }],
    [{ schedule: { mon: ["09:00-09:00"] } }],
    [{ schedule: { mon: ["09:00-24:30"] } }],
    [{ holidays: ["2025-02-30"] }],
  ])("rejects %j", (config) => {
    expect(ZWorkingHoursConfig.safeParse(config).success).toBe(false);
  });

  it("gives bare extra working days the usual weekday hours", () => {
    const c = ZWorkingHoursConfig.parse({
      schedule: { mon: [], tue: ["10:00-19:00"] },
      extraWorkdays: ["2025-09-28"],
    });
    expect(c.extraWorkdays).toEqual([{ date: "2025-09-28", ranges: ["10:00-19:00"] }]);
  });
});
