import { Prisma } from "../../db/generated/prisma/client";
import type { Lifecycle } from "../../db/generated/prisma/enums";
import { CONVERSATION_TYPES, type TLifecycleSettings } from "./lifecycle-settings";

// The set-based half of the sweep: one conditional UPDATE per lifecycle band moves every open
// conversation of a tenant whose quiet time falls in that band and which is not already there.
// "Quiet time" is now − Conversation.lastMessageAt, which the pipeline sets on every customer message
// and the workbench on every agent reply (bot answers follow the customer's message within seconds,
// and system lines — including the idle prompt itself — do not count, or the prompt would wake the
// conversation it is about).

type TTx = Prisma.TransactionClient;

export const BANDS = ["ACTIVE", "IDLE", "DORMANT", "EXPIRED"] as const satisfies readonly Lifecycle[];
export type TBand = (typeof BANDS)[number];

export type TMovedRow = {
  id: string;
  from: TBand;
  to: TBand;
  status: "BOT" | "PENDING_HUMAN" | "HUMAN" | "TICKET";
  channel: "WECHAT" | "WIDGET" | "API" | "WECOM";
  chatType: "PRIVATE" | "GROUP";
};

/** Quiet-time window of a band as [from, to) minutes for given thresholds (null = unbounded). */
export function bandWindow(
  band: TBand,
  t: { idle: number; dormant: number; expired: number },
): [number | null, number | null] {
  if (band === "ACTIVE") return [null, t.idle];
  if (band === "IDLE") return [t.idle, t.dormant];
  if (band === "DORMANT") return [t.dormant, t.expired];
  return [t.expired, null];
}

/** Which band a quiet time falls in (the same rule the SQL applies; used by tests and docs). */
export function bandFor(quietMinutes: number, t: { idle: number; dormant: number; expired: number }): TBand {
  if (quietMinutes >= t.expired) return "EXPIRED";
  if (quietMinutes >= t.dormant) return "DORMANT";
  if (quietMinutes >= t.idle) return "IDLE";
  return "ACTIVE";
}

/**
 * An instant as the naive UTC timestamp Prisma's DateTime columns hold, whatever the session's or the
 * process's time zone (a bound Date would be serialised in local time by some drivers).
 */
export const naiveUtc = (d: Date | null) =>
  Prisma.sql`(${d ? d.toISOString() : null}::timestamptz AT TIME ZONE 'UTC')`;

const minutesBefore = (now: Date, minutes: number | null) =>
  minutes === null ? null : new Date(now.getTime() - minutes * 60_000);

/**
 * Moves the tenant's open conversations into `band` and returns what moved. Rows another transaction
 * holds (a message being processed right now) are skipped: the next sweep sees their new time.
 */
export async function moveBand(
  tx: TTx,
  tenantId: string,
  band: TBand,
  settings: TLifecycleSettings,
  now: Date,
): Promise<TMovedRow[]> {
  // per type: lastMessageAt <= notAfter (quiet at least `from` minutes) and > after (less than `to`)
  const windows = CONVERSATION_TYPES.map((type) => {
    const [from, to] = bandWindow(band, settings[type]);
    return Prisma.sql`(${type}, ${naiveUtc(minutesBefore(now, from))}, ${naiveUtc(minutesBefore(now, to))})`;
  });
  return tx.$queryRaw<TMovedRow[]>(Prisma.sql`
    WITH w(type, not_after, after) AS (VALUES ${Prisma.join(windows)}),
    moving AS (
      SELECT c.id, c.lifecycle::text AS "from"
      FROM "Conversation" c JOIN w ON w.type = c.type::text
      WHERE c."tenantId" = ${tenantId}
        AND c.status <> 'CLOSED'
        AND c.lifecycle <> ${band}::"Lifecycle"
        AND (w.not_after IS NULL OR c."lastMessageAt" <= w.not_after)
        AND (w.after IS NULL OR c."lastMessageAt" > w.after)
      FOR UPDATE OF c SKIP LOCKED
    )
    UPDATE "Conversation" c
    SET lifecycle = ${band}::"Lifecycle", "updatedAt" = ${naiveUtc(now)}
    FROM moving
    WHERE c.id = moving.id AND c."tenantId" = ${tenantId}
    RETURNING c.id, moving."from", c.lifecycle::text AS "to", c.status::text AS status,
              c.channel::text AS channel, c."chatType"::text AS "chatType"`);
}
