import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { signVisitorToken } from "../../server/services/widget/visitor-token";
import { saveWidgetSettings } from "../../server/services/widget/widget-settings";
import { ownerWithTenant } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";
import { json, newVisitor, widgetApi, type TVisitor } from "./widget-helpers";

// The widget's public HTTP API through its real route handlers, against PostgreSQL: tenant lookup,
// the CORS allow-list, visitor sessions and tokens, messages through the pipeline, setUser, handoff,
// ratings and rate limits.

const SHOP = "https://shop.example.com";
const EVIL = "https://evil.example.net";

type TSession = {
  visitorId: string;
  token: string;
  conversation: {
    id: string;
    status: string;
    satisfactionRequested: boolean;
    agentName: string | null;
  } | null;
  messages: { id: string; role: string; content: string; senderName: string | null; createdAt: string }[];
};

async function resume(v: TVisitor): Promise<TSession> {
  return json<TSession>(await widgetApi.session({ tenant: v.slug, visitorId: v.visitorId, token: v.token }));
}

describe("widget config", () => {
  it("returns the public settings, and 404 for unknown or disabled widgets", async () => {
    const { tenant } = await ownerWithTenant("Config Shop");
    await saveWidgetSettings(tenant.id, { color: "#FF0000", allowedOrigins: [SHOP] });
    const res = await widgetApi.config(tenant.slug, { origin: SHOP });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      tenant: { slug: tenant.slug, name: "Config Shop" },
      language: "zh-CN",
      settings: { enabled: true, color: "#ff0000", position: "right", handoffButton: true },
    });
    expect(body.settings).not.toHaveProperty("allowedOrigins");
    expect((body.settings as { welcome: Record<string, string> }).welcome["zh-CN"]).toBe(
      "您好！有什么可以帮您？",
    );

    const unknown = await widgetApi.config("no-such-shop-404");
    expect(unknown.status).toBe(404);
    expect((await json<{ error: { code: string } }>(unknown)).error.code).toBe("NOT_FOUND");

    await saveWidgetSettings(tenant.id, { enabled: false });
    expect((await widgetApi.config(tenant.slug)).status).toBe(404);
    expect((await widgetApi.session({ tenant: tenant.slug })).status).toBe(404);
  });
});

describe("widget CORS", () => {
  it("echoes allowed origins, refuses others with 403 and no CORS header", async () => {
    const { tenant } = await ownerWithTenant();
    await saveWidgetSettings(tenant.id, { allowedOrigins: [`${SHOP}/`] }); // normalised on save

    const allowed = await widgetApi.config(tenant.slug, { origin: SHOP });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(allowed.headers.get("vary")).toContain("Origin");

    const refused = await widgetApi.config(tenant.slug, { origin: EVIL });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect((await json<{ error: { code: string } }>(refused)).error.code).toBe("ORIGIN_NOT_ALLOWED");
    const refusedSession = await widgetApi.session({ tenant: tenant.slug }, { origin: EVIL });
    expect(refusedSession.status).toBe(403);

    // no Origin (server to server) and Kefu's own origin (the iframe page) pass without an allow entry
    const noOrigin = await widgetApi.config(tenant.slug);
    expect(noOrigin.status).toBe(200);
    expect(noOrigin.headers.get("access-control-allow-origin")).toBeNull();
    expect((await widgetApi.session({ tenant: tenant.slug }, { origin: "http://kefu.test" })).status).toBe(
      200,
    );

    // a visitor's calls from a refused origin are refused before anything happens
    const v = await newVisitor(tenant.slug);
    expect((await widgetApi.message(v, "你好", randomUUID(), { origin: EVIL })).status).toBe(403);
    expect(await (await db()).message.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("allows any origin while the list is empty, and answers preflights", async () => {
    const { tenant } = await ownerWithTenant();
    const any = await widgetApi.config(tenant.slug, { origin: EVIL });
    expect(any.status).toBe(200);
    expect(any.headers.get("access-control-allow-origin")).toBe(EVIL);

    const pre = await widgetApi.preflight("/api/widget/messages", {
      origin: SHOP,
      headers: { "access-control-request-method": "POST" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Content-Type, Authorization/);
    expect(pre.headers.get("access-control-allow-headers")).toContain("X-Kefu-Visitor");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");

    await saveWidgetSettings(tenant.id, { allowedOrigins: [SHOP] });
    const named = await widgetApi.preflight(`/api/widget/config?tenant=${tenant.slug}`, { origin: EVIL });
    expect(named.status).toBe(403);
    expect(named.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("widget sessions", () => {
  it("creates, resumes, and replaces a tampered or foreign token with a new visitor", async () => {
    const { tenant } = await ownerWithTenant();
    const other = await ownerWithTenant();
    const first = await json<TSession>(await widgetApi.session({ tenant: tenant.slug, locale: "en" }));
    expect(first.visitorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.token.length).toBeGreaterThan(20);
    expect(first).toMatchObject({ conversation: null, messages: [] });

    const again = await resume({ slug: tenant.slug, visitorId: first.visitorId, token: first.token });
    expect(again.visitorId).toBe(first.visitorId);
    expect(again.token).toBe(first.token);

    const tampered = await resume({
      slug: tenant.slug,
      visitorId: first.visitorId,
      token: `${first.token}x`,
    });
    expect(tampered.visitorId).not.toBe(first.visitorId);
    const foreign = signVisitorToken(other.tenant.id, first.visitorId); // valid, but for another tenant
    const moved = await resume({ slug: tenant.slug, visitorId: first.visitorId, token: foreign });
    expect(moved.visitorId).not.toBe(first.visitorId);

    const bad = await widgetApi.session({ visitorId: first.visitorId });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { code: string } }>(bad)).error.code).toBe("BAD_REQUEST");
  });
});

describe("widget messages", () => {
  it("answers through the pipeline, idempotently, and keeps the history for the next page", async () => {
    const { tenant } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    const clientId = randomUUID();
    const res = await widgetApi.message(v, "退款多久到账", clientId, { origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(SHOP);
    const body = await json<{
      conversationId: string;
      messageId: string;
      action: string;
      status: string;
      reply: { id: string; role: string; content: string; createdAt: string };
    }>(res);
    expect(body).toMatchObject({ action: "reply", status: "BOT" });
    expect(body.reply.role).toBe("BOT");
    expect(body.reply.content).toContain("1-3 个工作日");
    expect(new Date(body.reply.createdAt).toISOString()).toBe(body.reply.createdAt);

    const repeat = await json<typeof body>(await widgetApi.message(v, "退款多久到账", clientId));
    expect(repeat.messageId).toBe(body.messageId);
    expect(repeat.reply.id).toBe(body.reply.id);

    const client = await db();
    const rows = await client.message.findMany({
      where: { tenantId: tenant.id, conversationId: body.conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.role)).toEqual(["CUSTOMER", "BOT"]);
    expect(rows[1].deliveryStatus).toBe("SENT"); // the response and the live event are the delivery
    const conversation = await client.conversation.findUniqueOrThrow({
      where: { id: body.conversationId },
      include: { contact: true },
    });
    expect(conversation).toMatchObject({ channel: "WIDGET", chatId: v.visitorId });
    expect(conversation.contact).toMatchObject({ channel: "WIDGET", externalId: v.visitorId, name: null });

    const session = await resume(v);
    expect(session.conversation).toEqual({
      id: body.conversationId,
      status: "BOT",
      satisfactionRequested: false,
      agentName: null,
    });
    expect(session.messages.map((m) => m.role)).toEqual(["CUSTOMER", "BOT"]);
    expect(session.messages[0].content).toBe("退款多久到账");
  });

  it("refuses calls without a valid visitor, and bad bodies, with clear errors", async () => {
    const { tenant } = await ownerWithTenant();
    const other = await ownerWithTenant();
    const v = await newVisitor(tenant.slug);
    const code = async (r: Response) => [r.status, (await json<{ error: { code: string } }>(r)).error.code];
    expect(await code(await widgetApi.message({ ...v, token: "forged" }, "hi"))).toEqual([
      401,
      "UNAUTHORIZED",
    ]);
    expect(await code(await widgetApi.message({ ...v, visitorId: randomUUID() }, "hi"))).toEqual([
      401,
      "UNAUTHORIZED",
    ]);
    // the token is bound to its tenant: presenting it to another tenant's widget fails
    expect(await code(await widgetApi.message({ ...v, slug: other.tenant.slug }, "hi"))).toEqual([
      401,
      "UNAUTHORIZED",
    ]);
    expect(await code(await widgetApi.message(v, "   "))).toEqual([400, "BAD_REQUEST"]);
    expect(await code(await widgetApi.message(v, "字".repeat(4001)))).toEqual([400, "BAD_REQUEST"]);
    expect(await code(await widgetApi.message(v, "x".repeat(20_000)))).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(await code(await widgetApi.message(v, "hi", "not-a-uuid"))).toEqual([400, "BAD_REQUEST"]);
    expect(await code(await widgetApi.user(v, "{nope"))).toEqual([400, "BAD_REQUEST"]);
  });
});

describe("widget setUser", () => {
  it("stores who the shop says the visitor is, and later messages carry the name", async () => {
    const { tenant } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    const first = await json<{ conversationId: string }>(await widgetApi.message(v, "你好"));
    const res = await widgetApi.user(v, {
      id: "shop-42",
      name: "王女士",
      email: "wang@example.com",
      phone: "+86 138-0000",
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true });

    const client = await db();
    const contact = await client.contact.findFirstOrThrow({
      where: { tenantId: tenant.id, channel: "WIDGET", externalId: v.visitorId },
    });
    expect(contact).toMatchObject({ name: "王女士", email: "wang@example.com", phone: "+86 138-0000" });
    expect(contact.metadata).toMatchObject({ userId: "shop-42" });
    const conv = await client.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(conv.chatName).toBe("王女士");

    // a partial update keeps the rest
    await widgetApi.user(v, { phone: "010-1234" });
    const after = await client.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(after).toMatchObject({ name: "王女士", email: "wang@example.com", phone: "010-1234" });
    expect(after.metadata).toMatchObject({ userId: "shop-42" });

    const second = await json<{ messageId: string }>(await widgetApi.message(v, "退款多久到账"));
    const row = await client.message.findUniqueOrThrow({ where: { id: second.messageId } });
    expect(row.senderName).toBe("王女士");

    expect((await widgetApi.user(v, { email: "not an email" })).status).toBe(400);
    expect((await widgetApi.user(v, { phone: "<script>" })).status).toBe(400);
  });
});

describe("widget handoff", () => {
  it("escalates to the human queue with a system line, once", async () => {
    const { tenant } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    await widgetApi.message(v, "退款多久到账");
    const res = await widgetApi.handoff(v);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: "PENDING_HUMAN" });
    expect(await json(await widgetApi.handoff(v))).toEqual({ status: "PENDING_HUMAN" });

    const session = await resume(v);
    expect(session.conversation?.status).toBe("PENDING_HUMAN");
    const system = session.messages.filter((m) => m.role === "SYSTEM");
    expect(system).toHaveLength(1);
    expect(system[0].content).toContain("人工");
    const client = await db();
    const conv = await client.conversation.findUniqueOrThrow({ where: { id: session.conversation!.id } });
    expect(conv).toMatchObject({ escalationReason: "manual" });
    expect(conv.escalatedAt).not.toBeNull();
  });

  it("works before the first message, and becomes a ticket after hours", async () => {
    const open = await pipelineTenant();
    const early = await newVisitor(open.tenant.slug);
    expect(await json(await widgetApi.handoff(early))).toEqual({ status: "PENDING_HUMAN" });
    // the visitor's next message lands in the same (human) conversation and the bot stays quiet
    const msg = await json<{ action: string; status: string; reply: unknown }>(
      await widgetApi.message(early, "在吗"),
    );
    expect(msg).toMatchObject({ action: "ignore", status: "PENDING_HUMAN", reply: null });

    const closed = await pipelineTenant({ open: false });
    const late = await newVisitor(closed.tenant.slug);
    expect(await json(await widgetApi.handoff(late))).toEqual({ status: "TICKET" });
    const session = await resume(late);
    expect(session.messages.at(-1)).toMatchObject({ role: "SYSTEM" });
    expect(session.messages.at(-1)!.content).toContain("非工作时间");
  });
});

describe("widget takeover view and ratings", () => {
  it("shows the agent's name, never notes, and takes one rating after a close that asks for it", async () => {
    const { tenant, caller } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    const intruder = await newVisitor(tenant.slug);
    const { conversationId } = await json<{ conversationId: string }>(
      await widgetApi.message(v, "退款多久到账"),
    );
    await widgetApi.handoff(v);
    expect(await caller.workbench.takeOver({ tenantId: tenant.id, conversationId })).toEqual({ ok: true });
    await caller.workbench.note({ tenantId: tenant.id, conversationId, text: "内部备注：老客户" });
    await caller.workbench.reply({ tenantId: tenant.id, conversationId, text: "您好，我来帮您看看" });

    const during = await resume(v);
    expect(during.conversation).toMatchObject({ status: "HUMAN", agentName: "Owner" });
    expect(during.messages.some((m) => m.content.includes("内部备注"))).toBe(false);
    expect(during.messages.at(-1)).toMatchObject({ role: "AGENT", content: "您好，我来帮您看看" });

    const rate = (visitor: TVisitor, score: unknown) =>
      widgetApi.rating(visitor, { conversationId, score, comment: "很好" });
    expect((await rate(v, 5)).status).toBe(409); // not closed yet

    await caller.workbench.close({
      tenantId: tenant.id,
      conversationId,
      outcome: "RESOLVED",
      requestSatisfaction: true,
    });
    const closed = await resume(v);
    expect(closed.conversation).toEqual({
      id: conversationId,
      status: "CLOSED",
      satisfactionRequested: true,
      agentName: null,
    });
    expect(closed.messages.at(-1)?.role).toBe("SYSTEM");

    expect((await rate(v, 6)).status).toBe(400);
    expect((await rate(v, 2.5)).status).toBe(400);
    expect((await rate(intruder, 1)).status).toBe(404);
    const ok = await rate(v, 5);
    expect(ok.status).toBe(200);
    expect(await json(ok)).toEqual({ ok: true });
    expect((await rate(v, 1)).status).toBe(409);

    const client = await db();
    expect(
      (await client.conversation.findUniqueOrThrow({ where: { id: conversationId } })).satisfaction,
    ).toBe(5);
    const events = await client.conversationEvent.findMany({ where: { conversationId, type: "rated" } });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ score: 5, comment: "很好" });
    expect((await resume(v)).conversation).toBeNull(); // rated: the next visit starts fresh
  });

  it("refuses a rating when the close did not ask for one", async () => {
    const { tenant, caller } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    const { conversationId } = await json<{ conversationId: string }>(
      await widgetApi.message(v, "退款多久到账"),
    );
    await caller.workbench.close({
      tenantId: tenant.id,
      conversationId,
      outcome: "RESOLVED",
      requestSatisfaction: false,
    });
    expect((await resume(v)).conversation).toBeNull();
    expect((await widgetApi.rating(v, { conversationId, score: 4 })).status).toBe(409);
  });
});

describe("widget rate limits", () => {
  it("answers 429 with Retry-After once a visitor exceeds a limit", async () => {
    const { tenant } = await ownerWithTenant();
    const v = await newVisitor(tenant.slug);
    for (let i = 0; i < 10; i++) expect((await widgetApi.user(v, { name: `n${i}` })).status).toBe(200);
    const limited = await widgetApi.user(v, { name: "one too many" }, { origin: SHOP });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("access-control-allow-origin")).toBe(SHOP); // the widget can read why
    expect((await json<{ error: { code: string } }>(limited)).error.code).toBe("TOO_MANY_REQUESTS");
    // another visitor is not affected
    expect((await widgetApi.user(await newVisitor(tenant.slug), { name: "x" })).status).toBe(200);
  });
});
