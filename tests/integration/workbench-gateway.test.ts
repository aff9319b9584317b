import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { db } from "../../server/db/client";
import { registerUpgrade, routeUpgrade } from "../../server/gateway/upgrade-router";
import { WORKBENCH_WS_PATH, WorkbenchGateway } from "../../server/gateway/workbench-gateway";
import { publishLive } from "../../server/realtime/live-events";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { RedisTopicBus } from "../../server/realtime/topic-bus";
import { RawAgent } from "./gateway-helpers";
import { ownerWithTenant } from "./helpers";
import { namedMember, seedConversation, workbenchTenant } from "./workbench-helpers";

// The workbench socket on a plain HTTP server with the same upgrade routing as server/main.ts: a real
// NextAuth session cookie, the Origin check, live events after a takeover, frames, presence, and the
// refusals (4401 without a session, 4403 for a VIEWER or a foreign Origin).

const SECRET = process.env.NEXTAUTH_SECRET!;
let t: Awaited<ReturnType<typeof workbenchTenant>>;
let gateway: WorkbenchGateway;
let server: Server;
let origin: string;
let wsUrl: string;
const clients: RawAgent[] = [];

async function sessionCookie(user: { id: string; email: string; name: string }, maxAge = 3600) {
  const jwt = await encode({
    token: { uid: user.id, sub: user.id, email: user.email, name: user.name },
    secret: SECRET,
    maxAge,
  });
  return `next-auth.session-token=${jwt}`;
}

function connect(o: { cookie?: string; origin?: string | null; tenantId?: string; url?: string } = {}) {
  const headers: Record<string, string> = {};
  if (o.cookie) headers.cookie = o.cookie;
  if (o.origin !== null) headers.origin = o.origin ?? origin;
  const c = new RawAgent(
    new WebSocket(`${o.url ?? wsUrl}?tenantId=${o.tenantId ?? t.tenantId}`, { headers }),
  );
  clients.push(c);
  return c;
}

async function connectAs(member: { user: { id: string; email: string; name: string } }) {
  const c = connect({ cookie: await sessionCookie(member.user) });
  await c.next((f) => f.type === "welcome");
  return c;
}

async function startServer(g: WorkbenchGateway) {
  const s = createServer((_req, res) => res.writeHead(404).end());
  s.on("upgrade", routeUpgrade);
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return { server: s, port: (s.address() as AddressInfo).port, gateway: g };
}

beforeAll(async () => {
  t = await workbenchTenant();
  gateway = new WorkbenchGateway({ offlineAfterMs: 300, presenceSweepMs: 0 });
  registerUpgrade(WORKBENCH_WS_PATH, (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  const started = await startServer(gateway);
  server = started.server;
  origin = `http://127.0.0.1:${started.port}`;
  wsUrl = `ws://127.0.0.1:${started.port}${WORKBENCH_WS_PATH}`;
});

afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await gateway.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("workbench socket", () => {
  it("greets a signed-in agent and pushes the takeover live", async () => {
    const watcher = await connectAs(t.li);
    const welcome = watcher.of("welcome")[0];
    expect(welcome).toMatchObject({ userId: t.li.user.id, serverTime: expect.any(String) });
    const { conversationId } = await seedConversation(t.tenantId);
    const sent = Date.now();
    await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId });
    const frame = await watcher.next(
      (f) => f.type === "event" && (f.event as { change?: string }).change === "taken_over",
    );
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(frame.event).toMatchObject({
      type: "conversation",
      conversationId,
      status: "HUMAN",
      assigneeId: t.wang.user.id,
      agentName: "小王",
    });
    await watcher.next(
      (f) => f.type === "event" && (f.event as { type: string; conversationId?: string }).type === "message",
    );
  });

  it("answers bad frames without closing, and relays typing", async () => {
    const wang = await connectAs(t.wang);
    const li = await connectAs(t.li);
    wang.send("not json");
    wang.send({ type: "typing", conversationId: "nope", on: true });
    wang.send({ type: "dance" });
    await wang.waitFor(() => wang.of("error").length >= 3 && true);
    expect(wang.of("error").map((f) => f.code)).toEqual(["BAD_FRAME", "BAD_FRAME", "BAD_FRAME"]);
    const { conversationId } = await seedConversation(t.tenantId);
    await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId });
    wang.send({ type: "typing", conversationId, on: true });
    const typing = await li.next(
      (f) => f.type === "event" && (f.event as { type: string }).type === "typing",
    );
    expect(typing.event).toMatchObject({ conversationId, from: "agent", on: true });
    // li does not hold it: refused with a reason, socket stays open
    li.send({ type: "typing", conversationId, on: true });
    expect(await li.next((f) => f.type === "error")).toMatchObject({ code: "CONFLICT" });
    wang.send({ type: "heartbeat" });
    expect(wang.ws.readyState).toBe(WebSocket.OPEN);
    expect(li.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("puts an OFFLINE agent ONLINE on connect and OFFLINE after the last socket is gone", async () => {
    const agent = await namedMember(t.tenantId, "小周");
    const client = await db();
    const presence = async () =>
      (await client.membership.findFirstOrThrow({ where: { tenantId: t.tenantId, userId: agent.user.id } }))
        .presence;
    expect(await presence()).toBe("OFFLINE");
    const watcher = await connectAs(t.li);
    const socket = await connectAs(agent);
    expect(await presence()).toBe("ONLINE");
    await client.membership.updateMany({
      where: { tenantId: t.tenantId, userId: agent.user.id },
      data: { presenceUpdatedAt: new Date(Date.now() - 60_000) },
    });
    socket.close();
    const offline = await watcher.next(
      (f) =>
        f.type === "event" &&
        (f.event as { type: string; userId?: string; presence?: string }).userId === agent.user.id &&
        (f.event as { presence?: string }).presence === "OFFLINE",
    );
    expect(offline).toBeTruthy();
    expect(await presence()).toBe("OFFLINE");
  });
});

describe("latency", () => {
  it("shows a customer's message on the workbench socket within 300 ms (p95 of 30)", async () => {
    const watcher = await connectAs(t.li);
    const externalId = `lat-${Date.now()}`;
    const first = await processIncomingMessage({
      tenantId: t.tenantId,
      channel: "WIDGET",
      contact: { externalId },
      text: "转人工",
    });
    await t.li.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId: first.conversationId });
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const text = `第${i}个问题`;
      const from = watcher.frames.length;
      const started = performance.now();
      await processIncomingMessage({
        tenantId: t.tenantId,
        channel: "WIDGET",
        contact: { externalId },
        text,
      });
      await watcher.next(
        (f) => f.type === "event" && (f.event as { message?: { content: string } }).message?.content === text,
        from,
      );
      samples.push(performance.now() - started);
    }
    samples.sort((x, y) => x - y);
    const p95 = samples[Math.ceil(samples.length * 0.95) - 1];
    console.info(
      `customer message → workbench socket: p50 ${samples[14].toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
    );
    expect(p95).toBeLessThan(300);
  });
});

describe("refusals", () => {
  it("closes 4401 without a session cookie, or with a forged one", async () => {
    expect(await connect().closed).toBe(4401);
    expect(await connect({ cookie: "next-auth.session-token=forged" }).closed).toBe(4401);
    const other = await encode({ token: { uid: t.wang.user.id }, secret: "another-secret-0123456789abcdef" });
    expect(await connect({ cookie: `next-auth.session-token=${other}` }).closed).toBe(4401);
  });

  it("closes 4403 for a VIEWER, a REVIEWER and a non-member", async () => {
    expect(await connect({ cookie: await sessionCookie(t.viewer.user) }).closed).toBe(4403);
    expect(await connect({ cookie: await sessionCookie(t.reviewer.user) }).closed).toBe(4403);
    const stranger = await ownerWithTenant();
    expect(await connect({ cookie: await sessionCookie(stranger.user) }).closed).toBe(4403);
  });

  it("closes 4403 for a foreign or missing Origin (cross-site WebSocket hijacking)", async () => {
    const cookie = await sessionCookie(t.wang.user);
    expect(await connect({ cookie, origin: "https://evil.example" }).closed).toBe(4403);
    expect(await connect({ cookie, origin: "http://127.0.0.1:1" }).closed).toBe(4403);
    expect(await connect({ cookie, origin: null }).closed).toBe(4403);
    // the configured public URL is this server too
    const viaPublic = connect({ cookie, origin: "http://kefu.test" });
    await viaPublic.next((f) => f.type === "welcome");
  });

  it("closes 4403 on the next heartbeat once the member lost the permission", async () => {
    const agent = await namedMember(t.tenantId, "小吴");
    const socket = await connectAs(agent);
    const client = await db();
    await client.membership.update({ where: { id: agent.membershipId }, data: { role: "VIEWER" } });
    socket.send({ type: "heartbeat" });
    expect(await socket.closed).toBe(4403);
  });

  it("closes 4400 for a tenantId that is not a uuid", async () => {
    expect(await connect({ cookie: await sessionCookie(t.wang.user), tenantId: "acme" }).closed).toBe(4400);
  });
});

describe("across instances (Redis)", () => {
  it("delivers an event published on another instance", async () => {
    const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const busA = new RedisTopicBus(url);
    const busB = new RedisTopicBus(url);
    const remote = new WorkbenchGateway({ bus: busA, presenceSweepMs: 0 });
    const s = await startServer(remote);
    // route this port's upgrades to the Redis-backed gateway
    registerUpgrade(WORKBENCH_WS_PATH, (req, socket, head) =>
      (req.socket.localPort === s.port ? remote : gateway).handleUpgrade(req, socket, head),
    );
    try {
      const remoteOrigin = `http://127.0.0.1:${s.port}`;
      const c = connect({
        cookie: await sessionCookie(t.wang.user),
        origin: remoteOrigin,
        url: `ws://127.0.0.1:${s.port}${WORKBENCH_WS_PATH}`,
      });
      await c.next((f) => f.type === "welcome");
      await publishLive(
        { type: "presence", tenantId: t.tenantId, userId: t.li.user.id, presence: "AWAY" },
        busB,
      );
      const frame = await c.next((f) => f.type === "event");
      expect(frame.event).toEqual({
        type: "presence",
        tenantId: t.tenantId,
        userId: t.li.user.id,
        presence: "AWAY",
      });
    } finally {
      await remote.close();
      s.server.closeAllConnections();
      await new Promise<void>((resolve) => s.server.close(() => resolve()));
      await busA.close();
      await busB.close();
    }
  });
});
