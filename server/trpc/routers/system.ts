import { z } from "zod";
import { systemOverview } from "../../services/system/system-overview";
import { createRouter, tenantProcedure } from "../init";

const ZCounts = z.object({
  calls: z.number(),
  callFailures: z.number(),
  deliveries: z.number(),
  deliveryFailures: z.number(),
  /** percent, null when nothing happened */
  rate: z.number().nullable(),
});

const ZSystemOverview = z.object({
  generatedAt: z.date(),
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      online: z.boolean(),
      wechatState: z.string(),
      lastHeartbeatAt: z.date().nullable(),
      agentVersion: z.string().nullable(),
      paused: z.boolean(),
    }),
  ),
  errorRates: z.object({ hour: ZCounts, day: ZCounts }),
  jobs: z.array(
    z.object({
      functionId: z.string(),
      lastStatus: z.string(),
      lastStartedAt: z.date(),
      lastFinishedAt: z.date().nullable(),
      runs24h: z.number(),
      failures24h: z.number(),
      lastError: z.string().nullable(),
      lastErrorAt: z.date().nullable(),
    }),
  ),
  providers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      purpose: z.string(),
      model: z.string(),
      enabled: z.boolean(),
      failureCount: z.number(),
      cooldownUntil: z.date().nullable(),
      lastError: z.string().nullable(),
      calls24h: z.number(),
      failures24h: z.number(),
      errorRate24h: z.number().nullable(),
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
    }),
  ),
});

export const systemRouter = createRouter({
  overview: tenantProcedure("system.read")
    .output(ZSystemOverview)
    .query(({ ctx }) => systemOverview(ctx.tenant.id)),
});
