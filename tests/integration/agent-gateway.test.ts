import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { deliverPendingForConversation } from "../../server/services/devices/outbound";
import { wechatExternalId } from "../../server/services/devices/outbound";
import {
  heartbeatFrame,
  messageFrame,
  pairedDevice,
  RawAgent,
  startGateway,
  type TFrame,
  type TTestGateway,
} from "./gateway-helpers";
import { pipelineTenant } from "./pipeline-helpers";

// Protocol conformance of the real gateway (docs/agent-protocol.md) over real sockets, with the real
// pipeline and database behind it.

let gw: TTestGateway;
let tenant: Awaited<ReturnType<typeof pipelineTenant>>;

beforeAll(async () => {
  gw = await startGateway({ heartbeatIntervalSec: 30, messageRate: { burst: 40, perSec: 5 } });
  tenant = await pipelineTenant();
});
afterAll(async () => gw.stop());

async function connected(token: string) {
  const agent = RawAgent.connect(gw.wsUrl, token);
  await agent.next((f) => f.type === "welcome");
  return agent;
}

async function device() {
  return pairedDevice(tenant.tenant.id, `PC ${randomUUID().slice(0, 4)}`);
}

const isAck = (id: string) => (f: TFrame) => f.type === "ack" && f.id === id;

describe("agent gateway: connection", () => {
  it("welcomes a valid token (header or query) and closes 4401 for bad tokens", async () => {
    const d = await device();
    const viaHeader = RawAgent.connect(gw.wsUrl, d.deviceToken);
    const welcome = await viaHeader.next((f) => f.type === "welcome");
    expect(welcome).toEqual({
      type: "welcome",
      deviceId: d.deviceId,
      serverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      heartbeatIntervalSec: 30,
    });
    expect(viaHeader.frames[0].type).toBe("welcome"); // nothing before welcome
    viaHeader.close();

    const viaQuery = RawAgent.connect(gw.wsUrl, d.deviceToken, "query");
    await viaQuery.next((f) => f.type === "welcome");
    viaQuery.close();

    for (const token of ["", "kdev_nope", "garbage", "x".repeat(5000)]) {
      const bad = RawAgent.connect(gw.wsUrl, token);
      expect(await bad.closed).toBe(4401);
      expect(bad.of("welcome")).toHaveLength(0);
    }
    // unknown upgrade paths are refused, not left hanging
    const other = RawAgent.connect(gw.wsUrl.replace("/agent/ws", "/elsewhere"), d.deviceToken);
    await expect(other.opened).rejects.toThrow(/404/);
  });

  it("closes a revoked device at once (4401) and refuses it afterwards", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const started = Date.now();
    await tenant.caller.devices.revoke({ tenantId: tenant.tenant.id, deviceId: d.deviceId });
    expect(await agent.closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(1000);
    const again = RawAgent.connect(gw.wsUrl, d.deviceToken);
    expect(await again.closed).toBe(4401);
    const list = await tenant.caller.devices.list({ tenantId: tenant.tenant.id });
    expect(list.find((x) => x.id === d.deviceId)).toBeUndefined();
  });

  it("records heartbeats, answers heartbeat_ack and shows the device online until it leaves", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    agent.send(
      heartbeatFrame({ wechat: "ui_hidden", cpu: 1.5, mem: 70.2, queue: 2, processed: 9, version: "0.2.0" }),
    );
    const ack = await agent.next((f) => f.type === "heartbeat_ack");
    expect(typeof ack.serverTime).toBe("string");
    const client = await db();
    const fresh = await waitForRow(async () => {
      const r = await client.device.findUniqueOrThrow({ where: { id: d.deviceId } });
      return r.lastHeartbeatAt ? r : null;
    });
    expect(fresh).toMatchObject({
      wechatState: "UI_HIDDEN",
      cpu: 1.5,
      mem: 70.2,
      queueLength: 2,
      processedCount: 9,
      agentVersion: "0.2.0",
    });
    const listed = async () =>
      (await tenant.caller.devices.list({ tenantId: tenant.tenant.id })).find((x) => x.id === d.deviceId)!;
    expect((await listed()).online).toBe(true);
    agent.close();
    await agent.closed;
    await waitForRow(async () => ((await listed()).online ? null : true));
    // a heartbeat older than 90 s is offline even if a socket were still registered
    await client.device.update({
      where: { id: d.deviceId },
      data: { lastHeartbeatAt: new Date(Date.now() - 91_000) },
    });
    const again = await connected(d.deviceToken);
    expect((await listed()).online).toBe(false);
    again.close();
  });
});

describe("agent gateway: errors", () => {
  it("answers BAD_FRAME for malformed frames (with ref) and keeps the connection", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const cases: [unknown, string | null][] = [
      ["not json at all", null],
      ["[1,2,3]", null],
      [{ no: "type" }, null],
      [{ type: "bogus", id: "f-1" }, "f-1"],
      [{ type: "message", id: "f-2" }, "f-2"],
      [{ ...messageFrame("f-3", "hi"), sentAt: "yesterday" }, "f-3"],
      [{ ...messageFrame("f-4", "   ") }, "f-4"],
      [{ type: "sent", id: "f-5", ok: false }, "f-5"],
      [{ type: "heartbeat", status: { wechat: "sleepy" } }, null],
    ];
    for (const [frame, ref] of cases) {
      const from = agent.frames.length;
      agent.send(frame);
      const err = await agent.next((f) => f.type === "error", from);
      expect(err).toMatchObject({ type: "error", code: "BAD_FRAME", message: expect.any(String) });
      expect(err.ref ?? null).toBe(ref);
    }
    agent.send(heartbeatFrame());
    await agent.next((f) => f.type === "heartbeat_ack");
    expect(agent.closeCode).toBeNull();
    agent.close();
  });

  it("answers TOO_LARGE for frames over 64 KiB and keeps the connection", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    agent.send(messageFrame("big-1", "长".repeat(30_000))); // 90 KB of UTF-8
    const err = await agent.next((f) => f.type === "error");
    expect(err).toMatchObject({ code: "TOO_LARGE", ref: "big-1" });
    const ok = messageFrame(randomUUID(), "退款多久到账？");
    agent.send(ok);
    await agent.next(isAck(ok.id));
    agent.close();
  });

  it("answers RATE_LIMITED past the per-device limit without acknowledging", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const ids = Array.from({ length: 50 }, () => randomUUID());
    ids.forEach((id, i) => agent.send(messageFrame(id, `你好 ${i}`, `群${i % 5}`)));
    await agent.waitFor(() => agent.of("ack").length + agent.of("error").length >= 50, 20_000);
    const limited = agent.of("error").filter((e) => e.code === "RATE_LIMITED");
    expect(limited.length).toBeGreaterThanOrEqual(9);
    expect(limited[0]).toMatchObject({ message: expect.any(String), ref: expect.any(String) });
    const acked = new Set(agent.of("ack").map((a) => a.id));
    for (const e of limited) expect(acked.has(e.ref as string)).toBe(false);
    const client = await db();
    const stored = await client.message.count({
      where: {
        tenantId: tenant.tenant.id,
        externalId: { in: limited.map((e) => wechatExternalId(d.deviceId, e.ref as string)) },
      },
    });
    expect(stored).toBe(0);
    agent.close();
  });
});

describe("agent gateway: messages and replies", () => {
  it("stores, acknowledges, sends the reply and records the agent's sent", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const m = messageFrame(randomUUID(), "退款多久到账？", "王女士");
    agent.send(m);
    const ack = await agent.next(isAck(m.id));
    expect(ack).toEqual({ type: "ack", id: m.id, status: "stored" });
    const send = await agent.next((f) => f.type === "send");
    expect(send).toEqual({
      type: "send",
      id: expect.any(String),
      chat: { id: "王女士", name: "王女士", type: "private" },
      text: expect.stringContaining("1-3 个工作日"),
      replyTo: m.id,
    });
    const client = await db();
    const inbound = await client.message.findUniqueOrThrow({
      where: {
        tenantId_externalId: { tenantId: tenant.tenant.id, externalId: wechatExternalId(d.deviceId, m.id) },
      },
      include: { conversation: true },
    });
    expect(inbound).toMatchObject({ role: "CUSTOMER", content: "退款多久到账？" });
    expect(inbound.conversation).toMatchObject({
      channel: "WECHAT",
      deviceId: d.deviceId,
      chatId: "王女士",
      chatType: "PRIVATE",
    });
    const reply = await client.message.findUniqueOrThrow({ where: { id: send.id as string } });
    expect(reply).toMatchObject({
      role: "BOT",
      deliveryStatus: "PENDING",
      deliveredAt: null,
      replyToId: inbound.id,
    });

    agent.send({ type: "sent", id: send.id, ok: true });
    const sent = await waitForRow(async () => {
      const r = await client.message.findUniqueOrThrow({ where: { id: send.id as string } });
      return r.deliveryStatus === "SENT" ? r : null;
    });
    expect(sent.deliveredAt).toBeInstanceOf(Date);

    // a failed send is FAILED (and a group message carries its chat)
    const g = messageFrame(randomUUID(), "@客服 怎么开发票？", "产品交流群", {
      chat: { id: "产品交流群", name: "产品交流群", type: "group" },
      sender: { id: "张三", name: "张三（北京）" },
      atMe: true,
    });
    const from = agent.frames.length;
    agent.send(g);
    const gs = await agent.next((f) => f.type === "send" && f.replyTo === g.id, from);
    expect(gs.chat).toEqual({ id: "产品交流群", name: "产品交流群", type: "group" });
    agent.send({ type: "sent", id: gs.id, ok: false, error: 'could not open the chat "产品交流群"' });
    await waitForRow(async () => {
      const r = await client.message.findUniqueOrThrow({ where: { id: gs.id as string } });
      return r.deliveryStatus === "FAILED" ? r : null;
    });
    agent.close();
  });

  it("acknowledges a repeated id as duplicate and processes it once", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const m = messageFrame(randomUUID(), "怎么开发票？", "李先生");
    agent.send(m);
    agent.send(m); // concurrently
    await agent.waitFor(() => agent.of("ack").filter((a) => a.id === m.id).length === 2);
    agent.send(m); // and later (a replay)
    await agent.waitFor(() => agent.of("ack").filter((a) => a.id === m.id).length === 3);
    const statuses = agent
      .of("ack")
      .filter((a) => a.id === m.id)
      .map((a) => a.status);
    expect(statuses.filter((s) => s === "stored")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.of("send").filter((s) => s.replyTo === m.id)).toHaveLength(1);
    const client = await db();
    const conv = await client.conversation.findFirstOrThrow({
      where: { tenantId: tenant.tenant.id, deviceId: d.deviceId },
    });
    expect(await client.message.count({ where: { conversationId: conv.id, role: "CUSTOMER" } })).toBe(1);
    expect(await client.message.count({ where: { conversationId: conv.id, role: "BOT" } })).toBe(1);
    agent.close();
  });

  it("re-sends every pending reply in order after a reconnect, and pushes new outgoing messages", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const texts = ["退款多久到账？", "怎么开发票？", "下单后多久发货？"];
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      const m = messageFrame(randomUUID(), text, `客户${i}`);
      agent.send(m);
      const s = await agent.next((f) => f.type === "send" && f.replyTo === m.id);
      ids.push(s.id as string);
    }
    agent.send({ type: "sent", id: ids[1], ok: true }); // only the middle one is typed
    const client = await db();
    await waitForRow(async () =>
      (await client.message.findUniqueOrThrow({ where: { id: ids[1] } })).deliveryStatus === "SENT"
        ? true
        : null,
    );
    agent.close();
    await agent.closed;

    // a human agent's reply while the device is away: stored PENDING, delivered on reconnect
    const conv = await client.conversation.findFirstOrThrow({
      where: { tenantId: tenant.tenant.id, deviceId: d.deviceId, chatId: "客户0" },
    });
    const human = await client.message.create({
      data: {
        tenantId: tenant.tenant.id,
        conversationId: conv.id,
        role: "AGENT",
        content: "我是人工客服小王",
        deliveryStatus: "PENDING",
      },
    });
    expect(await deliverPendingForConversation(tenant.tenant.id, conv.id)).toBe(2); // nobody listening: no-op

    const back = await connected(d.deviceToken);
    await back.waitFor(() => back.of("send").length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    const resent = back.of("send");
    expect(resent.map((s) => s.id)).toEqual([ids[0], ids[2], human.id]);
    expect(resent[2]).toMatchObject({
      chat: { id: "客户0", type: "private" },
      text: "我是人工客服小王",
      replyTo: null,
    });

    // a new outgoing message for a connected device goes out at once
    const human2 = await client.message.create({
      data: {
        tenantId: tenant.tenant.id,
        conversationId: conv.id,
        role: "AGENT",
        content: "还有别的问题吗？",
        deliveryStatus: "PENDING",
      },
    });
    await deliverPendingForConversation(tenant.tenant.id, conv.id);
    await back.next((f) => f.type === "send" && f.id === human2.id);
    // already-sent ids are not repeated on the same connection
    expect(back.of("send").filter((s) => s.id === ids[0])).toHaveLength(1);
    back.close();
  });

  it("delivers pause/resume/reload from the dashboard and re-sends pause after welcome", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    const t = tenant.tenant.id;
    await tenant.caller.devices.setPaused({ tenantId: t, deviceId: d.deviceId, paused: true });
    await agent.next((f) => f.type === "command" && f.name === "pause");
    agent.close();
    await agent.closed;
    const back = RawAgent.connect(gw.wsUrl, d.deviceToken);
    await back.next((f) => f.type === "command" && f.name === "pause");
    expect(back.frames[0].type).toBe("welcome");
    await tenant.caller.devices.setPaused({ tenantId: t, deviceId: d.deviceId, paused: false });
    await back.next((f) => f.type === "command" && f.name === "resume");
    await tenant.caller.devices.reload({ tenantId: t, deviceId: d.deviceId });
    await back.next((f) => f.type === "command" && f.name === "reload");
    await tenant.caller.devices.rename({ tenantId: t, deviceId: d.deviceId, name: "收银台" });
    const row = (await tenant.caller.devices.list({ tenantId: t })).find((x) => x.id === d.deviceId);
    expect(row).toMatchObject({ name: "收银台", paused: false });
    back.close();
  });
});

describe("agent gateway: fuzz", () => {
  it("survives thousands of random and malformed frames and stays usable", async () => {
    const d = await device();
    const agent = await connected(d.deviceToken);
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const junk = (): unknown =>
      pick([
        () => null,
        () => rnd() * 1e9,
        () => "字".repeat(Math.floor(rnd() * 50)),
        () => [junk(), junk()],
        () => ({ [pick(["type", "id", "chat", "ok", "__proto__", "constructor"])]: junk() }),
        () => true,
        () => ({ id: { toString: 1 } }),
      ])();
    const N = 3000;
    for (let i = 0; i < N; i++) {
      const kind = Math.floor(rnd() * 6);
      if (kind === 0)
        agent.send(
          Buffer.from(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256))),
        );
      else if (kind === 1) agent.send(JSON.stringify(junk()));
      else if (kind === 2)
        agent.send({
          type: pick(["message", "sent", "heartbeat", "ack", "welcome", "", "MESSAGE"]),
          id: junk(),
          ok: junk(),
          status: junk(),
        });
      else if (kind === 3)
        agent.send({
          ...messageFrame("fz", "x"),
          [pick(["chat", "sender", "atMe", "sentAt", "text"])]: junk(),
        });
      else if (kind === 4) agent.send({ type: "sent", id: `no-such-${i}`, ok: rnd() > 0.5 });
      else agent.send(JSON.stringify(messageFrame("fz", "y")).slice(0, Math.floor(rnd() * 200)));
    }
    await agent.waitFor(() => agent.of("error").length + agent.of("ack").length >= N - 1000, 20_000);
    // the valid frames among the junk may have used up the device's message budget: retry like the
    // agent's replay would, until the server takes it
    const m = messageFrame(randomUUID(), "KF-7A 的功率是多少？", "fuzz-after");
    const from = agent.frames.length;
    for (let attempt = 0; ; attempt++) {
      const mark = agent.frames.length;
      agent.send(m);
      const answer = await agent.next((f) => f.id === m.id || f.ref === m.id, mark, 15_000);
      if (answer.type === "ack") break;
      expect(answer.code).toBe("RATE_LIMITED");
      expect(attempt).toBeLessThan(50);
      await new Promise((r) => setTimeout(r, 300));
    }
    await agent.next((f) => f.type === "send" && f.replyTo === m.id, from, 15_000);
    expect(agent.closeCode).toBeNull();
    expect(agent.of("error").every((e) => e.code === "BAD_FRAME" || e.code === "RATE_LIMITED")).toBe(true);
    agent.close();
  });
});

async function waitForRow<T>(read: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("row condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
