import { z } from "zod";

// The alert kinds, their thresholds' meaning, defaults and bounds. AlertRule.kind is a plain string in
// the schema, so this enum is the one place that says which kinds exist.

export const ALERT_KINDS = [
  "ERROR_RATE",
  "SLOW_RESPONSE",
  "TOKEN_BUDGET",
  "DEVICE_OFFLINE",
  "WAITING_SLA",
] as const;
export const ZAlertKind = z.enum(ALERT_KINDS);
export type TAlertKind = z.infer<typeof ZAlertKind>;

type TKindSpec = { defaultThreshold: number; min: number; max: number; integer: boolean };

/**
 * ERROR_RATE: % of failed provider calls and deliveries in the last 15 min.
 * SLOW_RESPONSE: p95 of bot reply latency in the last 15 min, in ms.
 * TOKEN_BUDGET: tokens used today (tenant's time zone).
 * DEVICE_OFFLINE: minutes since a paired device's last heartbeat.
 * WAITING_SLA: number of waiting conversations past their first-response target.
 */
export const ALERT_KIND_SPECS: Record<TAlertKind, TKindSpec> = {
  ERROR_RATE: { defaultThreshold: 10, min: 1, max: 100, integer: false },
  SLOW_RESPONSE: { defaultThreshold: 5000, min: 100, max: 600_000, integer: true },
  TOKEN_BUDGET: { defaultThreshold: 1_000_000, min: 1000, max: 10_000_000_000, integer: true },
  DEVICE_OFFLINE: { defaultThreshold: 5, min: 1, max: 7 * 24 * 60, integer: true },
  WAITING_SLA: { defaultThreshold: 1, min: 1, max: 10_000, integer: true },
};

/** the measuring window of the rate and latency kinds */
export const ALERT_WINDOW_MS = 15 * 60_000;
/** fewer calls than this in the window say nothing about an error rate (one failed call is not 100 %) */
export const ERROR_RATE_MIN_SAMPLE = 5;

export const ZAlertRule = z.object({
  kind: ZAlertKind,
  enabled: z.boolean(),
  threshold: z.number(),
  defaultThreshold: z.number(),
  min: z.number(),
  max: z.number(),
});
export type TAlertRule = z.infer<typeof ZAlertRule>;

export const ZUpdateAlertRuleInput = z
  .object({ kind: ZAlertKind, enabled: z.boolean(), threshold: z.number().finite() })
  .superRefine((v, ctx) => {
    const spec = ALERT_KIND_SPECS[v.kind];
    if (v.threshold < spec.min || v.threshold > spec.max)
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        message: `Must be between ${spec.min} and ${spec.max}`,
      });
    else if (spec.integer && !Number.isInteger(v.threshold))
      ctx.addIssue({ code: "custom", path: ["threshold"], message: "Must be a whole number" });
  });
export type TUpdateAlertRuleInput = z.infer<typeof ZUpdateAlertRuleInput>;
