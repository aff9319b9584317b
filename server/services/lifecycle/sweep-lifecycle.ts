import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { publishLive } from "../../realtime/live-events";
import { pipelineConfig } from "../pipeline/config-cache";
import { renderTemplate, resolveLanguage } from "../rules/templates";
import { announceOutgoing, storeOutgoing, type TOutgoingRow } from "../workbench/outgoing-messages";
import { BANDS, moveBand, naiveUtc, type TMovedRow } from "./lifecycle-bands";
import { parseLifecycleSettings } from "./lifecycle-settings";

// One tenant's lifecycle sweep (PRODUCT.md §8), in one transaction:
// 1. every open conversation moves to the band its quiet time falls in (lifecycle-bands.ts), with a
//    "lifecycle" ConversationEvent per change;
// 2. a BOT conversation that just went ACTIVE → IDLE gets the idle prompt — once per idle period,
//    because only that transition sends it and only a new message makes the conversation ACTIVE
//    again (process-message.ts; an agent reply moves it back on the next sweep); never in group chats;
// 3. EXPIRED BOT conversations are closed (outcome left empty: nobody judged them), "closed" event
//    with reason "idle". PENDING_HUMAN / HUMAN / TICKET conversations are never closed here: the SLA
//    and the agents handle them; their lifecycle is still recorded.
// After commit: the messages and closes are announced live, and the caller emits
// kefu/conversation.closed for each close. Running it twice changes nothing the second time: every
// UPDATE is conditional on the row not being in its target state yet.

type TTx = Prisma.TransactionClient;

export type TSweepResult = {
  moved: Record<(typeof BANDS)[number], number>;
  prompted: string[];
  closed: string[];
};

/** The idle prompt in the tenant's language, from the pipeline's cached configuration (saves invalidate it). */
async function idlePromptText(tenantId: string): Promise<string> {
  const { ruleSet, bot, language } = await pipelineConfig(tenantId);
  return renderTemplate(ruleSet, "idlePrompt", resolveLanguage(language ?? bot.defaultLanguage));
}

async function recordMoves(tx: TTx, tenantId: string, rows: TMovedRow[], now: Date) {
  if (!rows.length) return;
  await tx.conversationEvent.createMany({
    data: rows.map((r) => ({
      tenantId,
      conversationId: r.id,
      type: "lifecycle",
      fromStatus: r.status,
      toStatus: r.status,
      data: { from: r.from, to: r.to },
      createdAt: now,
    })),
  });
}

/** Closes the tenant's EXPIRED conversations the bot holds; returns their ids. */
async function closeExpired(tx: TTx, tenantId: string, now: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE "Conversation"
    SET status = 'CLOSED', "closedAt" = ${naiveUtc(now)}, "updatedAt" = ${naiveUtc(now)}
    WHERE "tenantId" = ${tenantId} AND status = 'BOT' AND lifecycle = 'EXPIRED'
    RETURNING id`);
  if (!rows.length) return [];
  await tx.conversationEvent.createMany({
    data: rows.map((r) => ({
      tenantId,
      conversationId: r.id,
      type: "closed",
      fromStatus: "BOT" as const,
      toStatus: "CLOSED" as const,
      data: { reason: "idle", outcome: null },
      createdAt: now,
    })),
  });
  return rows.map((r) => r.id);
}

export async function sweepTenantLifecycle(tenantId: string, now = new Date()): Promise<TSweepResult> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  if (!tenant) return { moved: { ACTIVE: 0, IDLE: 0, DORMANT: 0, EXPIRED: 0 }, prompted: [], closed: [] };
  const settings = parseLifecycleSettings(tenant.settings);
  const prompt = await idlePromptText(tenantId);

  const done = await client.$transaction(async (tx) => {
    const moved = { ACTIVE: 0, IDLE: 0, DORMANT: 0, EXPIRED: 0 };
    const prompts: { conversationId: string; channel: TMovedRow["channel"]; row: TOutgoingRow }[] = [];
    for (const band of BANDS) {
      const rows = await moveBand(tx, tenantId, band, settings, now);
      moved[band] = rows.length;
      await recordMoves(tx, tenantId, rows, now);
      if (band !== "IDLE") continue;
      // a group chat is not asked "are you still there?": the bot speaks there only when mentioned
      for (const r of rows.filter(
        (x) => x.from === "ACTIVE" && x.status === "BOT" && x.chatType === "PRIVATE",
      )) {
        const row = await storeOutgoing(tx, {
          tenantId,
          conversationId: r.id,
          channel: r.channel,
          role: "SYSTEM",
          content: prompt,
        });
        prompts.push({ conversationId: r.id, channel: r.channel, row });
      }
    }
    const closed = await closeExpired(tx, tenantId, now);
    return { moved, prompts, closed };
  });

  for (const p of done.prompts) await announceOutgoing(tenantId, p.conversationId, p.channel, [p.row]);
  for (const conversationId of done.closed)
    await publishLive({
      type: "conversation",
      tenantId,
      conversationId,
      status: "CLOSED",
      assigneeId: null,
      change: "closed",
    });
  return { moved: done.moved, prompted: done.prompts.map((p) => p.conversationId), closed: done.closed };
}

/**
 * Tenants with an open conversation whose lifecycle may change now (the schedule's fan-out), so quiet
 * tenants get no event and no job run: an ACTIVE one quiet for a minute (the shortest threshold), an
 * IDLE or DORMANT one, an EXPIRED one the bot holds (to close), or an EXPIRED one an agent just
 * answered (back to ACTIVE).
 */
export async function tenantsToSweep(now = new Date()): Promise<string[]> {
  const client = await db();
  const minuteAgo = new Date(now.getTime() - 60_000);
  const recently = new Date(now.getTime() - 10 * 60_000);
  const rows = await client.$queryRaw<{ tenantId: string }[]>(Prisma.sql`
    SELECT DISTINCT "tenantId" FROM "Conversation"
    WHERE status <> 'CLOSED'
      AND ((lifecycle = 'ACTIVE' AND "lastMessageAt" <= ${naiveUtc(minuteAgo)})
        OR lifecycle IN ('IDLE', 'DORMANT')
        OR (lifecycle = 'EXPIRED' AND (status = 'BOT' OR "lastMessageAt" > ${naiveUtc(recently)})))`);
  return rows.map((r) => r.tenantId);
}
