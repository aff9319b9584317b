import { randomBytes } from "node:crypto";
import { db } from "../../server/db/client";
import { uniq } from "./helpers";

// Seeds for the alert and system tests: usage records, bot replies, deliveries, devices and job runs
// with explicit times, so the measured numbers are known exactly.

const ago = (ms: number) => new Date(Date.now() - ms);
export const minutesAgo = (m: number) => ago(m * 60_000);
export const hoursAgo = (h: number) => ago(h * 3600_000);

export async function seedUsage(
  tenantId: string,
  rows: {
    ok?: boolean;
    latencyMs?: number;
    at?: Date;
    providerId?: string;
    tokensIn?: number;
    tokensOut?: number;
  }[],
) {
  const client = await db();
  await client.usageRecord.createMany({
    data: rows.map((r) => ({
      tenantId,
      providerId: r.providerId ?? null,
      provider: "fake",
      model: "fake-model",
      ok: r.ok ?? true,
      error: r.ok === false ? "upstream 502" : null,
      latencyMs: r.latencyMs ?? 200,
      tokensIn: r.tokensIn ?? 10,
      tokensOut: r.tokensOut ?? 5,
      createdAt: r.at ?? new Date(),
    })),
  });
}

/** bot replies (with latency) and agent messages (with a delivery outcome) in one conversation */
export async function seedMessages(
  tenantId: string,
  conversationId: string,
  rows: { role: "BOT" | "AGENT"; latencyMs?: number; delivery?: "SENT" | "FAILED" | "PENDING"; at?: Date }[],
) {
  const client = await db();
  await client.message.createMany({
    data: rows.map((r) => ({
      tenantId,
      conversationId,
      role: r.role,
      content: r.role === "BOT" ? "您好，这是自动回复。" : "人工回复",
      latencyMs: r.latencyMs ?? null,
      deliveryStatus: r.delivery ?? null,
      createdAt: r.at ?? new Date(),
    })),
  });
}

export async function seedDevice(tenantId: string, o: { name?: string; lastHeartbeatAt?: Date | null } = {}) {
  const client = await db();
  return client.device.create({
    data: {
      tenantId,
      name: o.name ?? `PC-${uniq()}`,
      platform: "win32",
      agentVersion: "0.3.1",
      tokenHash: randomBytes(16).toString("hex"),
      wechatState: "READY",
      lastHeartbeatAt: o.lastHeartbeatAt === undefined ? new Date() : o.lastHeartbeatAt,
      createdAt: hoursAgo(48),
    },
  });
}

export async function seedJobRun(
  tenantId: string,
  o: { functionId: string; status: "SUCCEEDED" | "FAILED" | "RUNNING"; at: Date; error?: string },
) {
  const client = await db();
  return client.jobRun.create({
    data: {
      tenantId,
      functionId: o.functionId,
      eventName: "kefu/test",
      status: o.status,
      error: o.error ?? null,
      startedAt: o.at,
      finishedAt: o.status === "RUNNING" ? null : new Date(o.at.getTime() + 1000),
    },
  });
}

export async function alertEventsOf(tenantId: string) {
  const client = await db();
  return client.alertEvent.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });
}
