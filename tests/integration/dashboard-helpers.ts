import { db } from "../../server/db/client";
import type { Channel, MessageAction, MessageRole } from "../../server/db/generated/prisma/enums";
import { memberOf, ownerWithTenant } from "./helpers";

// A small, fully known history for the dashboard tests, two local days (Asia/Shanghai, UTC+8) and
// two channels. Expected numbers are worked out by hand in the tests.
//   D1 = 2026-11-10, D2 = 2026-11-11 (local). "local(d, hh:mm)" is that wall time in Shanghai.

export const D1 = "2026-11-10";
export const D2 = "2026-11-11";
export const local = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`);
const after = (d: Date, ms: number) => new Date(d.getTime() + ms);

type TMsg = {
  role: MessageRole;
  at: Date;
  action?: MessageAction;
  latencyMs?: number;
  evidence?: boolean;
  authorId?: string;
};

export async function seedHistory() {
  const owner = await ownerWithTenant();
  const agent = await memberOf(owner.tenant.id, "AGENT");
  const tenantId = owner.tenant.id;
  const client = await db();
  await client.tenant.update({ where: { id: tenantId }, data: { timezone: "Asia/Shanghai" } });
  const contact = (
    channel: Channel,
    externalId: string,
    level: "WHITE" | "GRAY" | "BLACK",
    override?: "WHITE",
  ) =>
    client.contact.create({
      data: { tenantId, channel, externalId, level, levelOverride: override ?? null },
    });
  const wechat = await contact("WECHAT", "wx-1", "GRAY", "WHITE");
  const widget = await contact("WIDGET", "web-1", "BLACK");

  const conversation = async (
    contactId: string,
    channel: Channel,
    data: Record<string, unknown>,
    messages: TMsg[],
  ) => {
    const c = await client.conversation.create({ data: { tenantId, contactId, channel, ...data } });
    for (const m of messages)
      await client.message.create({
        data: {
          tenantId,
          conversationId: c.id,
          role: m.role,
          content: `${m.role} ${m.action ?? ""}`,
          action: m.action ?? null,
          latencyMs: m.latencyMs ?? null,
          evidenceIds: m.evidence ? ["chunk-1"] : [],
          authorId: m.authorId ?? null,
          createdAt: m.at,
        },
      });
    return c;
  };

  // A: WECHAT, bot-only, closed on D1 with satisfaction 5
  const a = await conversation(
    wechat.id,
    "WECHAT",
    { createdAt: local(D1, "10:00"), status: "CLOSED", closedAt: local(D1, "11:00"), satisfaction: 5 },
    [
      { role: "CUSTOMER", at: local(D1, "10:00") },
      { role: "BOT", at: after(local(D1, "10:00"), 5000), action: "REPLY", latencyMs: 1000, evidence: true },
      { role: "CUSTOMER", at: local(D1, "10:01") },
      { role: "BOT", at: after(local(D1, "10:01"), 5000), action: "CLARIFY", latencyMs: 2000 },
    ],
  );
  // B: WIDGET, starts 23:30 on D1 (15:30 UTC, same UTC day), handed to the agent, closed on D2 01:00;
  // the agent's reply at 00:30 local is on D2 locally but still on D1 in UTC
  const escalatedAt = local(D1, "23:31");
  await conversation(
    widget.id,
    "WIDGET",
    {
      createdAt: local(D1, "23:30"),
      status: "CLOSED",
      escalatedAt,
      assigneeId: agent.user.id,
      firstResponseAt: after(escalatedAt, 60_000),
      closedAt: local(D2, "01:00"),
      satisfaction: 3,
    },
    [
      { role: "CUSTOMER", at: local(D1, "23:30") },
      { role: "BOT", at: after(local(D1, "23:30"), 5000), action: "TRANSFER", latencyMs: 500 },
      { role: "AGENT", at: local(D2, "00:30"), authorId: agent.user.id },
    ],
  );
  // C: WECHAT, waiting for a human now
  const c = await conversation(
    wechat.id,
    "WECHAT",
    {
      createdAt: local(D2, "09:00"),
      status: "PENDING_HUMAN",
      lifecycle: "ACTIVE",
      escalatedAt: local(D2, "09:01"),
    },
    [
      { role: "CUSTOMER", at: local(D2, "09:00") },
      { role: "BOT", at: after(local(D2, "09:00"), 5000), action: "REPLY", latencyMs: 3000 },
    ],
  );
  // D: WIDGET, with the agent now (idle)
  await conversation(
    widget.id,
    "WIDGET",
    { createdAt: local(D2, "12:00"), status: "HUMAN", lifecycle: "IDLE", assigneeId: agent.user.id },
    [],
  );

  const usage = (
    at: Date,
    provider: string,
    model: string,
    tokensIn: number,
    tokensOut: number,
    cost: number,
    ok = true,
  ) =>
    client.usageRecord.create({
      data: { tenantId, provider, model, tokensIn, tokensOut, costMicros: BigInt(cost), ok, createdAt: at },
    });
  await usage(local(D1, "12:00"), "deepseek", "deepseek-chat", 100, 50, 1000);
  await usage(local(D1, "23:30"), "deepseek", "deepseek-chat", 0, 0, 0, false);
  await usage(local(D2, "10:00"), "qwen", "qwen-max", 200, 100, 3000);

  const learned = (
    status: "AUTO_APPROVED" | "PENDING" | "REJECTED",
    at: Date,
    conversationId: string | null,
  ) =>
    client.learnedKnowledge.create({
      data: {
        tenantId,
        conversationId,
        question: "q",
        answer: "a",
        confidence: 0.9,
        answeredBy: "HUMAN",
        status,
        createdAt: at,
      },
    });
  await learned("AUTO_APPROVED", local(D1, "11:00"), a.id);
  await learned("PENDING", local(D2, "09:30"), c.id);
  await learned("REJECTED", local(D2, "10:00"), null);

  return { owner, agent, tenantId };
}
