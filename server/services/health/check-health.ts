import { db, getDbHandle } from "../../db/client";
import { isInngestConfigured } from "../../env";
import { redis } from "../../redis";
import { version } from "../../version";

/** Liveness and readiness in one: the database must answer; Redis is reported when configured. */
export async function checkHealth() {
  const started = Date.now();
  let database: { ok: boolean; mode: string; latencyMs?: number; error?: string };
  try {
    const client = await db();
    await client.$queryRawUnsafe("SELECT 1");
    database = { ok: true, mode: getDbHandle().mode, latencyMs: Date.now() - started };
  } catch (e) {
    database = { ok: false, mode: getDbHandle().mode, error: e instanceof Error ? e.message : String(e) };
  }
  const r = redis();
  const redisStatus = r ? { ok: r.status === "ready", status: r.status } : null;
  return {
    status: database.ok ? ("ok" as const) : ("error" as const),
    version: version(),
    uptimeSec: Math.round(process.uptime()),
    database,
    redis: redisStatus,
    jobs: isInngestConfigured() ? "inngest" : "in-process",
  };
}
