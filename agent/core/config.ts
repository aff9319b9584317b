import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM (24-hour local time)");

export const ZPacingConfig = z.object({
  typing: z
    .object({
      baseMs: z.number().int().min(0).default(1200),
      charsPerSecond: z.number().positive().default(6),
      jitterMs: z.number().int().min(0).default(600),
      maxMs: z.number().int().min(0).default(20_000),
    })
    .prefault({}),
  perChatMinGapMs: z.number().int().min(0).default(4000),
  maxPerMinute: z.number().int().positive().default(12),
  /** Local-time ranges when nothing is sent; "22:30"–"07:30" wraps past midnight. */
  quietHours: z.array(z.object({ from: ZClockTime, to: ZClockTime })).default([]),
});
export type TPacingConfig = z.infer<typeof ZPacingConfig>;

export const ZAgentConfig = z.object({
  pacing: ZPacingConfig.prefault({}),
  dedupe: z
    .object({
      bucketSec: z.number().int().positive().default(60),
      windowHours: z.number().positive().default(24),
    })
    .prefault({}),
  reconnect: z
    .object({
      baseMs: z.number().int().positive().default(1000),
      capMs: z.number().int().positive().default(60_000),
    })
    .prefault({}),
  uia: z
    .object({
      pollIntervalMs: z.number().int().min(200).default(1500),
      profile: z.enum(["auto", "wx39", "wx4"]).default("auto"),
      /** Extra names that count as "@me" in groups (group nicknames differ from the account name). */
      selfAliases: z.array(z.string().min(1)).default([]),
      powershell: z.string().default("powershell.exe"),
    })
    .prefault({}),
});
export type TAgentConfig = z.infer<typeof ZAgentConfig>;

export class ConfigError extends Error {}

/** Reads config.json if present; every field has a default, so an absent file means "defaults". */
export function loadAgentConfig(path: string): TAgentConfig {
  if (!existsSync(path)) return ZAgentConfig.parse({});
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ConfigError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = ZAgentConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${path}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
