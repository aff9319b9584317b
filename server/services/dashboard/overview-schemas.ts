import { z } from "zod";

// The overview dashboard's contract: the router validates both sides with these, the UI reads the
// inferred types. Ranges are whole days in the tenant's time zone; rates are 0..1 or null when there
// is nothing to divide by; money is in micro-units of the provider's price currency (CNY by default).

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a day as YYYY-MM-DD");

export const ZOverviewInput = z.object({
  /** first day, inclusive, in the tenant's time zone */
  from: ZDay,
  /** last day, inclusive; at most 92 days after `from` */
  to: ZDay,
  channel: z.enum(["WECHAT", "WIDGET", "API", "WECOM"]).optional(),
});
export type TOverviewInput = z.infer<typeof ZOverviewInput>;

const ZRate = z.number().min(0).max(1).nullable();

export const ZOverview = z.object({
  range: z.object({
    from: ZDay,
    to: ZDay,
    /** "hour" when the range is at most 2 days, else "day" */
    granularity: z.enum(["hour", "day"]),
    timezone: z.string(),
  }),
  totals: z.object({
    customerMessages: z.number().int(),
    botMessages: z.number().int(),
    agentMessages: z.number().int(),
    conversations: z.number().int(),
    /** closed conversations that never reached a human / closed conversations */
    botResolutionRate: ZRate,
    /** bot decisions TRANSFER / all bot decisions */
    transferRate: ZRate,
    /** bot decisions CLARIFY / all bot decisions */
    clarifyRate: ZRate,
    /** bot replies with knowledge evidence / bot replies */
    knowledgeHitRate: ZRate,
    responseP50Ms: z.number().nullable(),
    responseP95Ms: z.number().nullable(),
    tokens: z.number().int(),
    costMicros: z.number().int(),
    satisfactionAvg: z.number().nullable(),
    learnedItems: z.number().int(),
  }),
  /** now, not bound to the range */
  live: z.object({
    active: z.number().int(),
    waiting: z.number().int(),
    withAgents: z.number().int(),
    reviewPending: z.number().int(),
  }),
  /** one point per hour or day bucket; bucket is an ISO timestamp of the bucket's start */
  messageSeries: z.array(
    z.object({
      bucket: z.string(),
      customer: z.number().int(),
      bot: z.number().int(),
      agent: z.number().int(),
    }),
  ),
  /** one point per day */
  qualitySeries: z.array(
    z.object({
      day: ZDay,
      botResolutionRate: ZRate,
      transferRate: ZRate,
      clarifyRate: ZRate,
      knowledgeHitRate: ZRate,
      responseP50Ms: z.number().nullable(),
      responseP95Ms: z.number().nullable(),
    }),
  ),
  /** one point per day and provider */
  usageSeries: z.array(
    z.object({
      day: ZDay,
      provider: z.string(),
      tokensIn: z.number().int(),
      tokensOut: z.number().int(),
      costMicros: z.number().int(),
    }),
  ),
  usageByProvider: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      requests: z.number().int(),
      failures: z.number().int(),
      tokens: z.number().int(),
      costMicros: z.number().int(),
    }),
  ),
  customerLevels: z.array(z.object({ level: z.enum(["WHITE", "GRAY", "BLACK"]), count: z.number().int() })),
  learnedSeries: z.array(
    z.object({
      day: ZDay,
      autoApproved: z.number().int(),
      approved: z.number().int(),
      pending: z.number().int(),
      rejected: z.number().int(),
    }),
  ),
  agents: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      /** conversations assigned now (status HUMAN) */
      active: z.number().int(),
      /** conversations this agent closed in the range */
      closed: z.number().int(),
      replies: z.number().int(),
      avgFirstResponseMs: z.number().nullable(),
      satisfactionAvg: z.number().nullable(),
      ratings: z.number().int(),
    }),
  ),
});
export type TOverview = z.infer<typeof ZOverview>;
