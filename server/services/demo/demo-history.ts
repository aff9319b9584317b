import {
  buildConversation,
  type TConversationContext,
  type TConversationRows,
  type TScenario,
} from "./demo-conversation";
import type { TPlannedContact } from "./demo-contacts";

// Thirty days of traffic: conversations per day follow the week (weekends are quieter) and a slow
// growth, starts follow the day's rhythm in the tenant's time zone (Asia/Shanghai, UTC+8 without
// daylight saving: mornings and evenings are busy, nights nearly silent). A handful of live
// conversations are added at the end so "now" has someone waiting and someone being served.

const TZ_OFFSET_MS = 8 * 3_600_000;
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 2, 4, 7, 9, 9, 7, 6, 8, 9, 8, 7, 6, 7, 8, 7, 5, 3];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
/** conversations on an average weekday at scale 1 */
const PER_WEEKDAY = 150;

function pickHour(r: number): number {
  let acc = 0;
  for (let h = 0; h < 24; h++) {
    acc += HOUR_WEIGHTS[h] / HOUR_TOTAL;
    if (r < acc) return h;
  }
  return 23;
}

function pickScenario(r: number): TScenario {
  return r < 0.76 ? "bot" : r < 0.9 ? "escalate" : r < 0.96 ? "clarify" : "greeting";
}

export function buildHistory(
  ctx: TConversationContext,
  contacts: TPlannedContact[],
  opts: { days: number; scale: number },
): TConversationRows[] {
  const { rng, now } = ctx;
  // regulars write more often than one-off visitors
  const pool = contacts.flatMap((c) =>
    Array<TPlannedContact>(c.state === "DEAL" || c.state === "REPURCHASE" || c.vip ? 3 : 1).fill(c),
  );
  const localNow = now.getTime() + TZ_OFFSET_MS;
  const todayStartLocal = localNow - (localNow % 86_400_000);
  const out: TConversationRows[] = [];
  const starts: { at: Date; scenario: TScenario; contact: TPlannedContact }[] = [];
  for (let d = opts.days - 1; d >= 0; d--) {
    const dayStartUtc = todayStartLocal - d * 86_400_000 - TZ_OFFSET_MS;
    const weekday = new Date(dayStartUtc + TZ_OFFSET_MS).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const growth = 0.85 + 0.3 * ((opts.days - d) / opts.days);
    const count = Math.round(
      PER_WEEKDAY * opts.scale * (weekend ? 0.6 : 1) * growth * rng.around(1, 0.15, 0.8, 1.2),
    );
    for (let i = 0; i < count; i++) {
      const at = dayStartUtc + pickHour(rng.next()) * 3_600_000 + rng.int(0, 3_599_999);
      if (at > now.getTime() - 60_000) continue; // the future of today does not exist yet
      starts.push({ at: new Date(at), scenario: pickScenario(rng.next()), contact: rng.pick(pool) });
    }
  }
  // a contact's conversations are built in time order, so their counters and last-seen are right
  starts.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const s of starts) out.push(buildConversation(ctx, s.contact, s.at, s.scenario));

  // live now: customers waiting for a human, one with 小王, bots mid-conversation
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const live: { scenario: TScenario; hold?: "waiting" | "with_agent"; ago: number }[] = [
    { scenario: "escalate", hold: "waiting", ago: 3 },
    { scenario: "escalate", hold: "waiting", ago: 7 },
    { scenario: "escalate", hold: "waiting", ago: 12 },
    { scenario: "escalate", hold: "with_agent", ago: 9 },
    { scenario: "escalate", hold: "with_agent", ago: 16 },
    { scenario: "bot", ago: 2 },
    { scenario: "bot", ago: 4 },
    { scenario: "bot", ago: 6 },
    { scenario: "clarify", ago: 1 },
  ];
  for (const l of live)
    out.push(buildConversation(ctx, rng.pick(contacts), minutesAgo(l.ago), l.scenario, l.hold));
  return out;
}
