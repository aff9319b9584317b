import { db } from "../../db/client";
import { AppError } from "../../errors";
import type { TOverviewInput } from "./overview-schemas";
import { addDays, localDay } from "./tenant-timezone";

// Resolves the requested local days into instants: the start of every day (plus the end of the last)
// in the tenant's zone, computed by PostgreSQL so DST days get their 23 or 25 hours.

export const MAX_RANGE_DAYS = 92;
const HOUR = 3600_000;

export type TRange = {
  from: string;
  to: string;
  timezone: string;
  granularity: "hour" | "day";
  days: string[];
  /** dayStarts[i] starts days[i]; the last entry is the end of the range */
  dayStarts: Date[];
  start: Date;
  end: Date;
  now: Date;
  /** before this instant the hourly roll-ups are final; from it on the overview reads source rows */
  liveFrom: Date;
  /** usage days from this one on are read from UsageRecord (the hourly job may not have run yet) */
  liveUsageDay: string;
};

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (24 * HOUR));
}

export function validateRange(input: Pick<TOverviewInput, "from" | "to">): void {
  for (const field of ["from", "to"] as const)
    if (!isRealDay(input[field]))
      throw new AppError("BAD_REQUEST", `"${input[field]}" is not a calendar day`, field);
  const span = daysBetween(input.from, input.to);
  if (span < 0) throw new AppError("BAD_REQUEST", "The range ends before it starts", "to");
  if (span > MAX_RANGE_DAYS)
    throw new AppError(
      "BAD_REQUEST",
      `The range may span at most ${MAX_RANGE_DAYS} days after its first day`,
      "to",
    );
}

export async function resolveRange(
  input: Pick<TOverviewInput, "from" | "to">,
  timezone: string,
  now = new Date(),
): Promise<TRange> {
  validateRange(input);
  const client = await db();
  const rows = await client.$queryRaw<{ day: string; start: Date }[]>`
    SELECT to_char(d, 'YYYY-MM-DD') AS day, (d AT TIME ZONE ${timezone}) AS start
    FROM generate_series(${input.from}::date::timestamp, ${addDays(input.to, 1)}::date::timestamp, interval '1 day') d
    ORDER BY d`;
  const dayStarts = rows.map((r) => new Date(r.start));
  const hourStart = Math.floor(now.getTime() / HOUR) * HOUR;
  return {
    from: input.from,
    to: input.to,
    timezone,
    granularity: rows.length - 1 <= 2 ? "hour" : "day",
    days: rows.slice(0, -1).map((r) => r.day),
    dayStarts,
    start: dayStarts[0],
    end: dayStarts[dayStarts.length - 1],
    now,
    // the job rebuilds the last two hours every 5 minutes, so hours before the previous one are final
    liveFrom: new Date(hourStart - HOUR),
    liveUsageDay: addDays(localDay(now, timezone), -1),
  };
}

/** index of the local day an instant falls in (by the day starts), or -1 outside the range */
export function dayIndexOf(range: TRange, t: Date): number {
  const ms = t.getTime();
  if (ms < range.start.getTime() || ms >= range.end.getTime()) return -1;
  let i = 0;
  while (i + 1 < range.dayStarts.length - 1 && range.dayStarts[i + 1].getTime() <= ms) i++;
  return i;
}
