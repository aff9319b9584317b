import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startAgent, tempAgentDir, type TAgentHarness } from "../test-support/agent-harness";
import { FakeKefuServer } from "../test-support/fake-server";
import { DeviceRevokedError } from "./connection";
import { pairDevice } from "./pairing";

const chat = { id: "客户A", name: "客户A", type: "private" as const };
let server: FakeKefuServer;
const harnesses: TAgentHarness[] = [];

async function setup(dir?: string): Promise<TAgentHarness> {
  if (!server) {
    server = new FakeKefuServer();
    await server.start();
  }
  const heartbeats = server.framesOf("heartbeat").length;
  const harness = startAgent(server.wsUrl, dir);
  harnesses.push(harness);
  await server.waitFor(() => server.framesOf("heartbeat").length > heartbeats);
  return harness;
}

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.agent.stop();
  await server?.kill();
  server = undefined as unknown as FakeKefuServer;
});

describe("KefuAgent against the protocol peer", () => {
  it("pairs, relays a message until acked, types a reply once and reports it sent", async () => {
    server = new FakeKefuServer();
    await server.start();
    server.codes.set("ABC123", { status: 200, deviceToken: "token-1" });
    const paired = await pairDevice(server.url, {
      code: "ABC123",
      deviceName: "PC",
      platform: "linux",
      agentVersion: "t",
    });
    expect(paired.wsUrl).toBe(server.wsUrl);
    const { driver, queue } = await setup();

    driver.inject({ chatName: "客户A", text: "你们几点下班？" });
    await server.waitFor(() => server.stored.size === 1);
    await vitestWait(() => queue.pendingCount === 0);
    const [stored] = server.stored.values();
    expect(stored).toMatchObject({ chat, sender: { id: "客户A" }, text: "你们几点下班？", atMe: false });

    server.send({ id: "s1", chat, text: "我们 18:00 下班", replyTo: stored.id });
    await server.waitFor(() => server.framesOf("sent").length === 1);
    expect(server.framesOf("sent")[0]).toEqual({ type: "sent", id: "s1", ok: true });
    expect(driver.sent.map((s) => s.text)).toEqual(["我们 18:00 下班"]);

    const [heartbeat] = server.framesOf("heartbeat");
    expect(heartbeat.status).toMatchObject({ wechat: "ready", version: "test" });
    expect(heartbeat.status.mem).toBeGreaterThan(10);
  });

  it("queues encrypted while the server is down and replays in order when it is back", async () => {
    const { driver, queue, paths } = await setup();
    driver.inject({ chatName: "客户A", text: "第一条" });
    await vitestWait(() => queue.pendingCount === 0);
    await server.kill();
    for (const text of ["第二条 秘密", "第三条", "第四条"]) driver.inject({ chatName: "客户A", text });
    expect(queue.pendingCount).toBe(3);
    const onDisk = readFileSync(paths.queue, "utf8");
    expect(onDisk).not.toMatch(/第|秘密|客户A/);

    await server.start();
    await server.waitFor(() => server.stored.size === 4);
    await vitestWait(() => queue.pendingCount === 0);
    expect([...server.stored.values()].map((m) => m.text)).toEqual([
      "第一条",
      "第二条 秘密",
      "第三条",
      "第四条",
    ]);
    const ids = server.framesOf("message").map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("survives a process crash: a new process replays what the old one had queued", async () => {
    const dir = tempAgentDir();
    const first = await setup(dir);
    server.autoAck = false;
    first.driver.inject({ chatName: "客户A", text: "崩溃前" });
    await server.waitFor(() => server.stored.size === 1);
    await first.agent.stop(); // the process dies before the ack arrives
    harnesses.splice(harnesses.indexOf(first), 1);

    server.autoAck = true;
    const second = await setup(dir);
    await server.waitFor(() => server.framesOf("message").length === 2);
    await vitestWait(() => second.queue.pendingCount === 0);
    expect(server.stored.size).toBe(1); // the replay was acknowledged as a duplicate
    expect(second.driver.sent).toEqual([]);
  });

  it("does not type a re-sent send twice, even after a restart", async () => {
    const dir = tempAgentDir();
    const first = await setup(dir);
    server.send({ id: "s9", chat, text: "稍等，我查一下", replyTo: null });
    await server.waitFor(() => server.framesOf("sent").length === 1);
    server.broadcast({ type: "send", id: "s9", chat, text: "稍等，我查一下", replyTo: null });
    await server.waitFor(() => server.framesOf("sent").length === 2);
    expect(first.driver.sent).toHaveLength(1);
    await first.agent.stop();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = await setup(dir);
    server.broadcast({ type: "send", id: "s9", chat, text: "稍等，我查一下", replyTo: null });
    await server.waitFor(() => server.framesOf("sent").length === 3);
    expect(second.driver.sent).toHaveLength(0);
  });

  it("reports a failed send, and answers sends while paused without typing", async () => {
    const { driver } = await setup();
    driver.failNextSends(1, "input box not found");
    server.send({ id: "f1", chat, text: "hello", replyTo: null });
    await server.waitFor(() => server.framesOf("sent").length === 1);
    expect(server.framesOf("sent")[0]).toEqual({
      type: "sent",
      id: "f1",
      ok: false,
      error: "input box not found",
    });

    server.broadcast({ type: "command", name: "pause" });
    await vitestWait(() => !driver.running);
    server.broadcast({ type: "send", id: "p1", chat, text: "hi", replyTo: null });
    await server.waitFor(() => server.framesOf("sent").some((f) => f.id === "p1"));
    expect(server.framesOf("sent").find((f) => f.id === "p1")).toMatchObject({
      ok: false,
      error: "agent is paused",
    });
    server.broadcast({ type: "command", name: "resume" });
    await vitestWait(() => driver.running);
    expect(driver.sent).toEqual([]);
  });

  it("stops with a clear error on a revoked token and does not reconnect", async () => {
    const { running } = await setup();
    server.revoke("token-1");
    await expect(running).rejects.toBeInstanceOf(DeviceRevokedError);
    await expect(running).rejects.toThrow(/Pair it again/);
    const connections = server.connections;
    await new Promise((r) => setTimeout(r, 300)); // several backoff periods
    expect(server.connections).toBe(connections);
  });

  it("gives up at once when the token is refused on the first connection", async () => {
    server = new FakeKefuServer();
    await server.start();
    const harness = startAgent(server.wsUrl, undefined, "wrong-token");
    harnesses.push(harness);
    await expect(harness.running).rejects.toBeInstanceOf(DeviceRevokedError);
    expect(server.connections).toBe(0);
  });
});

async function vitestWait(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
