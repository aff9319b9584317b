import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { addHistogram, histogramQuantile, LATENCY_BUCKETS } from "./latency-buckets";
import { dayIndexOf, type TRange } from "./overview-range";
import { bucketOf, rolledAndLive, type TChannel } from "./overview-sql";
import { conversationAggregate, messageAggregate } from "./rollup-sql";

// Message and conversation numbers of the overview: totals, the message series and the daily quality
// series, from the hourly roll-ups plus the live open hours (see overview-sql.ts).

type TMsgRow = {
  bucket: Date;
  customer: number;
  bot: number;
  agent: number;
  replies: number;
  clarifies: number;
  transfers: number;
  ignores: number;
  evidence: number;
  hist: (number | null)[];
};
type TConvRow = {
  bucket: Date;
  started: number;
  closed: number;
  withoutHuman: number;
  satSum: number;
  satCount: number;
};

const HIST_SUM = Prisma.raw(
  `ARRAY[${Array.from({ length: LATENCY_BUCKETS }, (_, i) => `sum("latencyHist"[${i + 1}])`).join(", ")}]::int[]`,
);

async function messageRows(tenantId: string, range: TRange, channel: TChannel): Promise<TMsgRow[]> {
  const client = await db();
  const source = rolledAndLive(
    tenantId,
    range,
    "MessageStatHourly",
    `hour, "customerMessages", "botMessages", "agentMessages", replies, clarifies, transfers, ignores, ` +
      `"repliesWithEvidence", "latencyHist"`,
    messageAggregate,
    channel,
  );
  return client.$queryRaw<TMsgRow[]>`
    SELECT ${bucketOf(range)} AS bucket,
      sum("customerMessages")::int AS customer, sum("botMessages")::int AS bot,
      sum("agentMessages")::int AS agent, sum(replies)::int AS replies, sum(clarifies)::int AS clarifies,
      sum(transfers)::int AS transfers, sum(ignores)::int AS ignores,
      sum("repliesWithEvidence")::int AS evidence, ${HIST_SUM} AS hist
    FROM (${source}) r GROUP BY 1 ORDER BY 1`;
}

async function conversationRows(tenantId: string, range: TRange, channel: TChannel): Promise<TConvRow[]> {
  const client = await db();
  const source = rolledAndLive(
    tenantId,
    range,
    "ConversationStatHourly",
    `hour, started, closed, "closedWithoutHuman", "satisfactionSum", "satisfactionCount"`,
    conversationAggregate,
    channel,
  );
  return client.$queryRaw<TConvRow[]>`
    SELECT ${bucketOf(range)} AS bucket, sum(started)::int AS started, sum(closed)::int AS closed,
      sum("closedWithoutHuman")::int AS "withoutHuman", sum("satisfactionSum")::int AS "satSum",
      sum("satisfactionCount")::int AS "satCount"
    FROM (${source}) r GROUP BY 1 ORDER BY 1`;
}

const rate = (n: number, d: number) => (d > 0 ? Math.min(1, n / d) : null);

type TAcc = {
  customer: number;
  bot: number;
  agent: number;
  decisions: number;
  replies: number;
  clarifies: number;
  transfers: number;
  evidence: number;
  hist: number[];
  started: number;
  closed: number;
  withoutHuman: number;
  satSum: number;
  satCount: number;
};
const emptyAcc = (): TAcc => ({
  customer: 0,
  bot: 0,
  agent: 0,
  decisions: 0,
  replies: 0,
  clarifies: 0,
  transfers: 0,
  evidence: 0,
  hist: [],
  started: 0,
  closed: 0,
  withoutHuman: 0,
  satSum: 0,
  satCount: 0,
});

function addMsg(a: TAcc, r: TMsgRow) {
  a.customer += r.customer;
  a.bot += r.bot;
  a.agent += r.agent;
  a.decisions += r.replies + r.clarifies + r.transfers + r.ignores;
  a.replies += r.replies;
  a.clarifies += r.clarifies;
  a.transfers += r.transfers;
  a.evidence += r.evidence;
  addHistogram(
    a.hist,
    r.hist.map((n) => n ?? 0),
  );
}

function addConv(a: TAcc, r: TConvRow) {
  a.started += r.started;
  a.closed += r.closed;
  a.withoutHuman += r.withoutHuman;
  a.satSum += r.satSum;
  a.satCount += r.satCount;
}

const quality = (a: TAcc) => ({
  botResolutionRate: rate(a.withoutHuman, a.closed),
  transferRate: rate(a.transfers, a.decisions),
  clarifyRate: rate(a.clarifies, a.decisions),
  knowledgeHitRate: rate(a.evidence, a.replies),
  responseP50Ms: histogramQuantile(a.hist, 0.5),
  responseP95Ms: histogramQuantile(a.hist, 0.95),
});

/** the instants the series has points for: every hour or local day of the range, up to now */
function seriesBuckets(range: TRange): Date[] {
  if (range.granularity === "day") return range.dayStarts.slice(0, -1).filter((d) => d <= range.now);
  const out: Date[] = [];
  for (let t = range.start.getTime(); t < range.end.getTime() && t <= range.now.getTime(); t += 3600_000)
    out.push(new Date(t));
  return out;
}

export async function getActivity(tenantId: string, range: TRange, channel: TChannel) {
  const [msgs, convs] = await Promise.all([
    messageRows(tenantId, range, channel),
    conversationRows(tenantId, range, channel),
  ]);
  const total = emptyAcc();
  const perDay = range.days.map(() => emptyAcc());
  const perBucket = new Map<number, TAcc>();
  const bucketAcc = (d: Date) => {
    const key = new Date(d).getTime();
    let a = perBucket.get(key);
    if (!a) perBucket.set(key, (a = emptyAcc()));
    return a;
  };
  for (const r of msgs) {
    addMsg(total, r);
    addMsg(bucketAcc(r.bucket), r);
    const i = dayIndexOf(range, new Date(r.bucket));
    if (i >= 0) addMsg(perDay[i], r);
  }
  for (const r of convs) {
    addConv(total, r);
    const i = dayIndexOf(range, new Date(r.bucket));
    if (i >= 0) addConv(perDay[i], r);
  }
  return {
    totals: {
      customerMessages: total.customer,
      botMessages: total.bot,
      agentMessages: total.agent,
      conversations: total.started,
      ...quality(total),
      satisfactionAvg: total.satCount > 0 ? total.satSum / total.satCount : null,
    },
    messageSeries: seriesBuckets(range).map((b) => {
      const a = perBucket.get(b.getTime()) ?? emptyAcc();
      return { bucket: b.toISOString(), customer: a.customer, bot: a.bot, agent: a.agent };
    }),
    qualitySeries: range.days.map((day, i) => ({ day, ...quality(perDay[i]) })),
  };
}
