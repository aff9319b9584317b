import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerUpgrade, routeUpgrade } from "../../server/gateway/upgrade-router";
import { WIDGET_WS_PATH, WidgetGateway } from "../../server/gateway/widget-gateway";
import { inboxTopic, type TLiveEvent } from "../../server/realtime/live-events";
import { topicBus } from "../../server/realtime/topic-bus";
import { saveWidgetSettings } from "../../server/services/widget/widget-settings";
import { RawAgent, type TFrame } from "./gateway-helpers";
import { pipelineTenant } from "./pipeline-helpers";
import { json, newVisitor, widgetApi, type TVisitor } from "./widget-helpers";

// The widget's WebSocket through the same upgrade routing as server/main.ts, with real `ws` clients:
// authentication and origin checks, watching only one's own conversations, live bot and agent
// messages (never internal notes), typing relayed to the agents, and robustness against bad frames.

const SHOP = "https://shop.example.com";
let gateway: WidgetGateway;
let server: Server;
let wsBase: string;

beforeAll(async () => {
  gateway = new WidgetGateway({ pingIntervalMs: 60_000 });
  server = createServer((_req, res) => res.writeHead(404).end());
  registerUpgrade(WIDGET_WS_PATH, gateway.handleUpgrade);
  server.on("upgrade", routeUpgrade);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  wsBase = `ws://127.0.0.1:${(server.address() as AddressInfo).port}${WIDGET_WS_PATH}`;
});

afterAll(async () => {
  await gateway.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function connect(v: TVisitor, opts: { origin?: string; token?: string; slug?: string } = {}): RawAgent {
  const q = new URLSearchParams({
    tenant: opts.slug ?? v.slug,
    visitor: v.visitorId,
    token: opts.token ?? v.token,
  });
  return new RawAgent(
    new WebSocket(`${wsBase}?${q}`, { headers: opts.origin ? { origin: opts.origin } : {} }),
  );
}

const events = (c: RawAgent) => c.of("event").map((f) => f.event as TLiveEvent);
const messageEvent = (c: RawAgent, match: (m: { role: string; content: string }) => boolean) =>
  c.waitFor(
    () =>
      events(c).find((e) => e.type === "message" && match(e.message)) as
        Extract<TLiveEvent, { type: "message" }> | undefined,
  );

describe("widget WebSocket", () => {
  it("greets, then streams the visitor's own conversation live — bot and agent, never notes", async () => {
    const { tenant, caller } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    const live = connect(v, { origin: SHOP });
    await live.next((f) => f.type === "welcome");
    expect(typeof live.of("welcome")[0].serverTime).toBe("string");

    // the first message creates the conversation; the client then watches it
    const sent = await json<{ conversationId: string; reply: { id: string } }>(
      await widgetApi.message(v, "退款多久到账"),
    );
    live.send({ type: "watch", conversationId: sent.conversationId });
    await live.next((f) => f.type === "watching" && f.conversationId === sent.conversationId);
    const second = await json<{ reply: { id: string; content: string } }>(
      await widgetApi.message(v, "怎么开发票"),
    );
    const botEvent = await messageEvent(live, (m) => m.role === "BOT");
    expect(botEvent.message.id).toBe(second.reply.id);
    expect(botEvent.conversationId).toBe(sent.conversationId);
    expect(events(live).some((e) => e.type === "message" && e.message.role === "CUSTOMER")).toBe(true);

    // a reconnecting client is watching its open conversation from the welcome on
    live.close();
    const again = connect(v, { origin: SHOP });
    await again.next((f) => f.type === "welcome");
    expect(again.of("watching").map((f) => f.conversationId)).toEqual([sent.conversationId]);

    const conversationId = sent.conversationId;
    await widgetApi.handoff(v);
    await caller.workbench.takeOver({ tenantId: tenant.id, conversationId });
    await caller.workbench.note({ tenantId: tenant.id, conversationId, text: "NOTE: do not show" });
    await caller.workbench.reply({ tenantId: tenant.id, conversationId, text: "您好，人工客服为您服务" });
    const agent = await messageEvent(again, (m) => m.role === "AGENT");
    expect(agent.message).toMatchObject({ content: "您好，人工客服为您服务", senderName: "Owner" });
    const joined = events(again).find((e) => e.type === "conversation" && e.change === "taken_over");
    expect(joined).toMatchObject({ status: "HUMAN", agentName: "Owner" });
    expect(events(again).some((e) => e.type === "conversation" && e.change === "escalated")).toBe(true);
    expect(JSON.stringify(again.frames)).not.toContain("NOTE: do not show");

    await caller.workbench.close({
      tenantId: tenant.id,
      conversationId,
      outcome: "RESOLVED",
      requestSatisfaction: true,
    });
    const closed = await again.waitFor(() =>
      events(again).find((e) => e.type === "conversation" && e.status === "CLOSED"),
    );
    expect(closed).toMatchObject({ satisfactionRequested: true });
    again.close();
  });

  it("refuses another visitor's conversation, bad tokens, foreign origins and unknown tenants", async () => {
    const { tenant } = await pipelineTenant();
    await saveWidgetSettings(tenant.id, { allowedOrigins: [SHOP] });
    const owner = await newVisitor(tenant.slug);
    const { conversationId } = await json<{ conversationId: string }>(
      await widgetApi.message(owner, "退款多久到账"),
    );

    const intruder = connect(await newVisitor(tenant.slug), { origin: SHOP });
    await intruder.next((f) => f.type === "welcome");
    intruder.send({ type: "watch", conversationId });
    const refused = await intruder.next((f) => f.type === "error");
    expect(refused.code).toBe("FORBIDDEN");
    expect(intruder.of("watching")).toEqual([]);
    intruder.close();

    const forged = connect(owner, { token: "forged-token", origin: SHOP });
    expect(await forged.closed).toBe(4401);
    const foreign = connect(owner, { origin: "https://evil.example.net" });
    expect(await foreign.closed).toBe(4403);
    const unknown = connect(owner, { slug: "no-such-tenant-xyz" });
    expect(await unknown.closed).toBe(4404);
    const noOrigin = connect(owner); // not a browser: no Origin header, token still required
    await noOrigin.next((f) => f.type === "welcome");
    noOrigin.close();
  });

  it("answers bad frames with errors and stays open; relays typing to the agents", async () => {
    const { tenant } = await pipelineTenant();
    const v = await newVisitor(tenant.slug);
    const { conversationId } = await json<{ conversationId: string }>(await widgetApi.message(v, "你好"));
    const live = connect(v);
    await live.next((f) => f.type === "welcome");

    const errors = () => live.of("error").map((f: TFrame) => f.code);
    live.send("{not json");
    live.send({ type: "dance" });
    live.send({ type: "watch", conversationId: "nope" });
    live.send(JSON.stringify({ type: "ping", pad: "x".repeat(17 * 1024) }));
    live.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await live.waitFor(() => errors().length === 5);
    expect(errors()).toEqual(["BAD_FRAME", "BAD_FRAME", "BAD_FRAME", "TOO_LARGE", "BAD_FRAME"]);
    live.send({ type: "ping" });
    await live.next((f) => f.type === "pong");
    expect(live.closeCode).toBeNull();

    const seen: TLiveEvent[] = [];
    const stop = await topicBus().subscribe(inboxTopic(tenant.id), (e) => seen.push(e as TLiveEvent));
    try {
      live.send({ type: "typing", on: true });
      await live.waitFor(() => seen.find((e) => e.type === "typing"));
      expect(seen.find((e) => e.type === "typing")).toEqual({
        type: "typing",
        tenantId: tenant.id,
        conversationId,
        from: "customer",
        on: true,
      });
    } finally {
      await stop();
    }
    // the customer's own typing is not echoed back to the widget
    expect(events(live).some((e) => e.type === "typing")).toBe(false);
    live.close();
  });
});
