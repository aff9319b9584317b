import { z } from "zod";
import { ZTimezone } from "../tenants/tenant-schemas";

// Working hours as a tenant writes them: an IANA time zone, a weekly schedule of "HH:MM-HH:MM" ranges
// (a range that ends at or before its start runs overnight into the next day), holidays, and extra
// working days (调休: a Saturday that is worked).

const TIME = "(?:[01]\\d|2[0-3]):[0-5]\\d";

export const ZTimeRange = z
  .string()
  .trim()
  .regex(new RegExp(`^${TIME}-(?:${TIME}|24:00)$`), "Use HH:MM-HH:MM, e.g. 09:00-18:00")
  .refine((r) => r.slice(0, 5) !== r.slice(6), "A range cannot start and end at the same time");

export const ZDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .refine((d) => {
    const [y, m, day] = d.split("-").map(Number);
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  }, "Not a calendar date");

export { ZTimezone };

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

const ZRanges = z.array(ZTimeRange).max(8);
const OFFICE = ["09:00-18:00"];

const ZSchedule = z
  .object({
    mon: ZRanges.default(OFFICE),
    tue: ZRanges.default(OFFICE),
    wed: ZRanges.default(OFFICE),
    thu: ZRanges.default(OFFICE),
    fri: ZRanges.default(OFFICE),
    sat: ZRanges.default([]),
    sun: ZRanges.default([]),
  })
  .prefault({});

const ZExtraWorkday = z.union([ZDate, z.object({ date: ZDate, ranges: ZRanges.min(1) })]);

export const ZWorkingHoursConfig = z
  .object({
    timezone: ZTimezone.default("Asia/Shanghai"),
    schedule: ZSchedule,
    holidays: z.array(ZDate).max(500).default([]),
    /** A bare date works the hours of the first working weekday (Mon→Fri); an object names its own. */
    extraWorkdays: z.array(ZExtraWorkday).max(200).default([]),
    /** What a transfer becomes outside working hours. Only tickets (with an email) for now. */
    afterHours: z.enum(["ticket"]).default("ticket"),
  })
  .transform((c) => {
    const weekday = (["mon", "tue", "wed", "thu", "fri"] as const).find((d) => c.schedule[d].length > 0);
    const usual = weekday ? c.schedule[weekday] : OFFICE;
    return {
      ...c,
      extraWorkdays: c.extraWorkdays.map((d) => (typeof d === "string" ? { date: d, ranges: usual } : d)),
    };
  });

export type TWorkingHoursConfig = z.output<typeof ZWorkingHoursConfig>;
