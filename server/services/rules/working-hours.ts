import { type TLanguage } from "./rule-schemas";
import { type TWorkingHoursConfig, WEEKDAYS } from "./working-hours-schema";

// Working-hours arithmetic on the wall clock of the tenant's time zone, with Intl only (no date
// library). A range's end is exclusive (18:00:00 is closed), so back-to-back ranges do not overlap.
// An overnight range belongs to the day it starts on: Friday 22:00-02:00 is open early on Saturday
// even when Saturday is a holiday, and closed entirely when Friday is.

const DAY = 86_400;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type TLocal = { y: number; m: number; d: number; second: number };

function localParts(instant: Date, timeZone: string): TLocal {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return { y: p.year, m: p.month, d: p.day, second: p.hour * 3600 + p.minute * 60 + p.second };
}

/** Calendar day number (days since 1970-01-01) of a local date; weekday and ±1 day come from it. */
function dayNumber(l: Pick<TLocal, "y" | "m" | "d">): number {
  return Math.floor(Date.UTC(l.y, l.m - 1, l.d) / 86_400_000);
}

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

type TSpan = { start: number; end: number }; // seconds of the day; end > DAY means overnight

function parseRange(range: string): TSpan {
  const toSec = (t: string) => Number(t.slice(0, 2)) * 3600 + Number(t.slice(3, 5)) * 60;
  const start = toSec(range.slice(0, 5));
  const end = toSec(range.slice(6));
  return { start, end: end <= start ? end + DAY : end };
}

/** The ranges that start on a calendar day, holidays and extra working days applied. */
function spansOn(config: TWorkingHoursConfig, day: number): TSpan[] {
  const date = isoDate(day);
  if (config.holidays.includes(date)) return [];
  const extra = config.extraWorkdays.find((e) => e.date === date);
  const ranges = extra ? extra.ranges : config.schedule[WEEKDAYS[(day + 4) % 7]]; // 1970-01-01 was a Thursday
  return ranges.map(parseRange).sort((a, b) => a.start - b.start);
}

export function isWithinWorkingHours(config: TWorkingHoursConfig, now: Date): boolean {
  const local = localParts(now, config.timezone);
  const today = dayNumber(local);
  if (spansOn(config, today).some((s) => local.second >= s.start && local.second < s.end)) return true;
  return spansOn(config, today - 1).some((s) => local.second + DAY < s.end);
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const l = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(l.y, l.m - 1, l.d) + l.second * 1000;
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time occurs (a time skipped by DST lands just after the gap). */
export function zonedTime(day: number, secondOfDay: number, timeZone: string): Date {
  const wall = day * 86_400_000 + secondOfDay * 1000;
  const first = wall - offsetAt(wall, timeZone);
  const refined = wall - offsetAt(first, timeZone);
  return new Date(Math.max(first, refined));
}

const SEARCH_DAYS = 400; // a year of holidays plus slack; beyond that the schedule is effectively empty

/** When service next opens: `now` while open, null when the schedule has no working time at all. */
export function nextOpening(config: TWorkingHoursConfig, now: Date): Date | null {
  if (isWithinWorkingHours(config, now)) return now;
  const today = dayNumber(localParts(now, config.timezone));
  for (let day = today; day < today + SEARCH_DAYS; day++) {
    for (const span of spansOn(config, day)) {
      const at = zonedTime(day, span.start, config.timezone);
      if (at > now) return at;
    }
  }
  return null;
}

const FALLBACK: Record<TLanguage, string> = { "zh-CN": "下一个工作时间", en: "the next working day" };

/** A short local time for customer messages ("11月10日周一 09:00", "Mon, Nov 10, 09:00"). */
export function formatOpening(at: Date | null, timeZone: string, language: TLanguage): string {
  if (!at) return FALLBACK[language];
  return new Intl.DateTimeFormat(language, {
    timeZone,
    hourCycle: "h23",
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}
