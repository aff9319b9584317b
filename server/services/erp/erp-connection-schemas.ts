import { z } from "zod";
import { ZErpCredentials } from "./erp-credentials";
import { ZZhibangConfig } from "./erp-connections";
import { ZGenericRestConfig } from "./generic-rest-config";

// What the ERP settings page sends and receives. Credentials are write-only: the view only says
// whether they are set; an update without credentials keeps the stored ones.

export const ERP_SCHEDULES = ["off", "hourly", "daily"] as const;
export const ZErpSchedule = z.enum(ERP_SCHEDULES);
export type TErpSchedule = z.infer<typeof ZErpSchedule>;

const ZFields = z.object({
  name: z.string().trim().min(1).max(100),
  baseUrl: z.string().trim().url().max(500),
  schedule: ZErpSchedule.default("off"),
  enabled: z.boolean().default(true),
});

const zhibang = { kind: z.literal("ZHIBANG"), config: ZZhibangConfig.default({}) };
const generic = { kind: z.literal("GENERIC_REST"), config: ZGenericRestConfig };

export const ZSaveErpConnection = z.discriminatedUnion("kind", [
  ZFields.extend({ ...zhibang, credentials: ZErpCredentials }),
  ZFields.extend({ ...generic, credentials: ZErpCredentials }),
]);
export type TSaveErpConnection = z.infer<typeof ZSaveErpConnection>;

/** The same fields; credentials may be left out to keep the stored ones. */
export const ZUpdateErpConnection = z.discriminatedUnion("kind", [
  ZFields.extend({ ...zhibang, credentials: ZErpCredentials.optional() }),
  ZFields.extend({ ...generic, credentials: ZErpCredentials.optional() }),
]);
export type TUpdateErpConnection = z.infer<typeof ZUpdateErpConnection>;

export const ZSyncStatus = z.enum(["RUNNING", "SUCCEEDED", "FAILED"]);

export const ZErpConnectionView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["ZHIBANG", "GENERIC_REST"]),
  baseUrl: z.string(),
  config: z.record(z.string(), z.unknown()),
  schedule: ZErpSchedule,
  enabled: z.boolean(),
  credentialsSet: z.boolean(),
  lastSyncAt: z.date().nullable(),
  createdAt: z.date(),
  lastRun: z.object({ status: ZSyncStatus, startedAt: z.date() }).nullable(),
});
export type TErpConnectionView = z.infer<typeof ZErpConnectionView>;

export const ZTestErpResult = z.object({
  ok: z.boolean(),
  latencyMs: z.number().int().min(0),
  /** customers on the first page (a cheap, read-only call) */
  sample: z.number().int().min(0).nullable(),
  error: z.object({ kind: z.enum(["auth", "http", "protocol", "timeout"]), message: z.string() }).nullable(),
});
export type TTestErpResult = z.infer<typeof ZTestErpResult>;

export const ZSyncRunError = z.object({
  message: z.string(),
  page: z.number().optional(),
  contactId: z.string().optional(),
});

export const ZSyncRunView = z.object({
  id: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  trigger: z.enum(["SCHEDULE", "MANUAL"]),
  entity: z.string(),
  status: ZSyncStatus,
  counts: z.record(z.string(), z.number()),
  errors: z.array(ZSyncRunError),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
});
export type TSyncRunView = z.infer<typeof ZSyncRunView>;

export const ZListSyncRunsInput = z.object({
  connectionId: z.string().uuid().optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
