// Date ranges of the overview, as whole days (YYYY-MM-DD) in the tenant's time zone. The URL keeps a
// preset ("7d") rather than its dates so a shared link still means "the last 7 days" tomorrow; a
// custom range is kept as its two dates. Pure functions: the page and the tests use the same code.

export const PRESETS = ["today", "7d", "30d", "90d"] as const;
export type TPreset = (typeof PRESETS)[number];
export const CHANNELS = ["WECHAT", "WIDGET", "API", "WECOM"] as const;
export type TChannel = (typeof CHANNELS)[number];

/** The server refuses ranges longer than this many days after `from` (see overview-schemas.ts). */
export const MAX_SPAN_DAYS = 92;
export const DEFAULT_PRESET: TPreset = "7d";

const PRESET_DAYS: Record<TPreset, number> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export type TRangeParams =
  | { kind: "preset"; preset: TPreset; channel?: TChannel }
  | { kind: "custom"; from: string; to: string; channel?: TChannel };

export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY_RE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The calendar day of `now` in `timeZone` ("en-CA" formats as YYYY-MM-DD). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 when they are the same day, negative when reversed). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Why a custom range cannot be asked for, or null when it is fine. */
export function rangeProblem(from: string, to: string): "invalid" | "reversed" | "tooLong" | null {
  if (!isDay(from) || !isDay(to)) return "invalid";
  const span = daysBetween(from, to);
  if (span < 0) return "reversed";
  if (span > MAX_SPAN_DAYS) return "tooLong";
  return null;
}

/** Reads the view from URL search params; anything unknown or invalid falls back to the default. */
export function parseRangeParams(params: URLSearchParams): TRangeParams {
  const raw = params.get("channel");
  const channel = CHANNELS.find((c) => c === raw);
  const from = params.get("from");
  const to = params.get("to");
  if (from && to && rangeProblem(from, to) === null) return { kind: "custom", from, to, channel };
  const preset = PRESETS.find((p) => p === params.get("range")) ?? DEFAULT_PRESET;
  return { kind: "preset", preset, channel };
}

/** The inverse of parseRangeParams; the default preset and "all channels" are left out. */
export function toSearchParams(view: TRangeParams): URLSearchParams {
  const out = new URLSearchParams();
  if (view.kind === "custom") {
    out.set("from", view.from);
    out.set("to", view.to);
  } else if (view.preset !== DEFAULT_PRESET) {
    out.set("range", view.preset);
  }
  if (view.channel) out.set("channel", view.channel);
  return out;
}

/** The days a view covers, given today in the tenant's time zone; presets end today. */
export function resolveRange(view: TRangeParams, today: string): { from: string; to: string } {
  if (view.kind === "custom") return { from: view.from, to: view.to };
  return { from: addDays(today, 1 - PRESET_DAYS[view.preset]), to: today };
}
