// npm run bench:gateway [-- --connections 5000 --rate 200 --seconds 30 --senders 200]
// The agent gateway under load: a throwaway PostgreSQL database (on DATABASE_URL's server, default
// postgresql://postgres@127.0.0.1:5432/postgres), one tenant with a few FAQ pairs and no AI providers
// (knowledge-only answers), N paired devices. The gateway runs in this process on a plain HTTP server;
// the simulated agents run in a child process (so the RSS printed is the server's): every agent
// heartbeats, `--senders` of them send messages at `--rate` msg/s in all and answer each `send` with
// `sent` (`--pipeline stub` skips the pipeline to measure the gateway alone). Prints connections held,
// messages/s acknowledged, ack and reply latency p50/p95 and the server's RSS: before the agents and
// with all of them connected (both after a full GC, once the connections have settled, so the figure
// is what the sockets hold rather than garbage from the ramp), the peak while sending, and the load
// average (the machine may be shared: read the figures with it).
// Needs ~2 file descriptors per connection in each process: the npm script raises `ulimit -n`.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import WebSocket from "ws";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "5000" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "30" },
    senders: { type: "string", default: "200" },
    heartbeat: { type: "string", default: "30" },
    role: { type: "string", default: "server" },
    config: { type: "string" },
    pipeline: { type: "string", default: "real" },
  },
});

const FAQ = [
  ["退款多久到账？", "退款审核通过后，1-3 个工作日原路退回到您的支付账户。"],
  ["怎么开发票？", "在订单详情页点击“申请开票”，电子发票会发送到您的邮箱。"],
  ["下单后多久发货？", "现货商品 48 小时内发货，定制商品 7 天内发货。"],
  ["KF-7A 的功率是多少？", "KF-7A 为 7kW 单相交流充电桩，适合家用。"],
  ["充电桩安装需要哪些条件？", "需要固定车位、物业同意安装，以及可以报装的独立电表。"],
];

type TClientConfig = {
  wsUrl: string;
  tokens: string[];
  senders: number;
  rate: number;
  seconds: number;
  heartbeatSec: number;
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

/** A full collection, without needing `node --expose-gc` on the command line. */
function fullGc(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

/** Memory after a full GC, in MB: RSS and where it is (JS heap, buffers and other native memory). */
async function settledMemory() {
  fullGc();
  await sleep(1000); // let the freed pages go back to the system
  fullGc();
  const m = process.memoryUsage();
  const mb = (b: number) => Math.round(b / 1024 / 1024);
  return {
    rss: mb(m.rss),
    heap: mb(m.heapUsed),
    heapTotal: mb(m.heapTotal),
    external: mb(m.external),
    buffers: mb(m.arrayBuffers),
  };
}
const fmtMem = (m: Awaited<ReturnType<typeof settledMemory>>) =>
  `${m.rss} MB (JS heap ${m.heap} MB used of ${m.heapTotal} MB, external ${m.external} MB of which buffers ${m.buffers} MB)`;

type TRamped = { phase: "ramped"; connected: number; rampS: number };
function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`client process exited with ${code}`));
    child.once("exit", onExit);
    child.once("message", (m) => {
      child.off("exit", onExit);
      resolve(m as T);
    });
  });
}

async function admin(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- server (this process)

async function server() {
  const N = Number(values.connections);
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  if (!/^postgres(ql)?:\/\//.test(serverUrl))
    throw new Error("bench:gateway needs a PostgreSQL DATABASE_URL");
  const name = `kefu_gw_${randomBytes(5).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
  process.env.LOG_LEVEL = "silent";
  process.env.KEFU_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  const drop = () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);

  const { installMigrator, migratePostgresOnStart } = await import("../server/db/migrator/install");
  const { closeDb, db, rawQuery } = await import("../server/db/client");
  const { Prisma } = await import("../server/db/generated/prisma/client");
  const { hashToken, newToken } = await import("../server/crypto/secrets");
  const { upsertQaPairs } = await import("../server/services/knowledge/qa/upsert-qa-pairs");
  const { AgentGateway } = await import("../server/gateway/agent-gateway");
  let stopServer: (() => Promise<void>) | null = null;
  try {
    installMigrator();
    await db();
    await migratePostgresOnStart();
    const client = await db();
    const tenant = await client.tenant.create({
      data: { name: "Bench", slug: `bench-${randomBytes(3).toString("hex")}` },
    });
    await upsertQaPairs(
      tenant.id,
      FAQ.map(([question, answer], i) => ({ externalId: `faq-${i}`, question, answer })),
      { source: "IMPORT" },
    );
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    await client.rule.create({
      data: {
        tenantId: tenant.id,
        type: "WORKING_HOURS",
        name: "always open",
        config: {
          timezone: "Asia/Shanghai",
          schedule: Object.fromEntries(days.map((d) => [d, ["00:00-24:00"]])),
        },
      },
    });
    const tokens = Array.from({ length: N }, () => newToken("kdev_", 32));
    // the devices in one raw statement: the ORM's createMany of 1 000 rows left a compiled query plan of
    // ~40 MB of small objects in its cache, which the server's memory below would have counted
    await rawQuery(Prisma.sql`
      INSERT INTO "Device" (id, "tenantId", name, "tokenHash", "updatedAt")
      SELECT gen_random_uuid()::text, ${tenant.id}, 'PC ' || (x.i - 1), x.h, now()
      FROM unnest(${tokens.map((t) => hashToken(t))}::text[]) WITH ORDINALITY AS x(h, i)`);

    if (values.pipeline !== "stub") {
      // a warm-up through the pipeline, then planner statistics, as autovacuum would have gathered them
      // on a production server (it is off on the benchmark machines): without them the prepared
      // statements keep the plans they got while the tables were empty (db/raw-pool.ts)
      const { processIncomingMessage } = await import("../server/services/pipeline/process-message");
      for (let i = 0; i < 100; i++)
        await processIncomingMessage({
          tenantId: tenant.id,
          channel: "WECHAT",
          externalId: `warm-up-${i}`,
          contact: { externalId: `warm-up-${i % 20}` },
          text: FAQ[i % FAQ.length][0],
        });
      const { drainInProcessJobs } = await import("../inngest/runner");
      await drainInProcessJobs();
      await client.$executeRawUnsafe("ANALYZE");
    }
    const heartbeatSec = Number(values.heartbeat);
    // --pipeline stub: answer every message at once without the pipeline (the gateway's own cost)
    const stub = values.pipeline === "stub";
    const gateway = new AgentGateway({
      heartbeatIntervalSec: heartbeatSec,
      ...(stub
        ? {
            processMessage: async () => ({
              action: "ignore" as const,
              content: "",
              confidence: 0,
              conversationId: "",
              messageId: "",
              replyMessageId: null,
              reason: "bench_stub",
              duplicate: false,
            }),
          }
        : {}),
    });
    const http = createServer((_req, res) => res.writeHead(404).end());
    http.on("upgrade", gateway.handleUpgrade);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    stopServer = async () => {
      await gateway.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    };
    const port = (http.address() as AddressInfo).port;

    const config: TClientConfig = {
      wsUrl: `ws://127.0.0.1:${port}/agent/ws`,
      tokens,
      senders: Math.min(N, Number(values.senders)),
      rate: Number(values.rate),
      seconds: Number(values.seconds),
      heartbeatSec,
    };
    const file = join(tmpdir(), `kefu-gw-bench-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(config));
    const before = await settledMemory();
    // GATEWAY_BENCH_HEAP=<dir>: heap snapshots before the agents and with all connected, to compare
    const heapDir = process.env.GATEWAY_BENCH_HEAP;
    if (heapDir) v8.writeHeapSnapshot(join(heapDir, "before.heapsnapshot"));
    const loadBefore = load();

    const child = fork(__filename, ["--role", "clients", "--config", file], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ramped = await nextMessage<TRamped>(child);
    // heartbeats keep flowing while the connections settle and the heap is measured
    await sleep(3000);
    const held = gateway.connectionCount;
    const connectedMem = await settledMemory();
    if (heapDir) v8.writeHeapSnapshot(join(heapDir, "connected.heapsnapshot"));
    const loadConnected = load();
    let rssPeak = process.memoryUsage().rss;
    let heldPeak = held;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      heldPeak = Math.max(heldPeak, gateway.connectionCount);
    }, 500);
    const reportP = nextMessage<Record<string, number>>(child);
    child.send({ phase: "go" });
    const report = await reportP;
    clearInterval(sampler);
    const loadAfter = load();
    const sentRows = await client.message.count({ where: { tenantId: tenant.id, deliveryStatus: "SENT" } });
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    console.log(
      [
        `connections: ${ramped.connected}/${N} welcomed (ramp ${ramped.rampS.toFixed(1)} s), held by the gateway: ${held} settled, peak ${heldPeak}`,
        `messages: ${report.acked} acked of ${report.sent} sent in ${report.seconds} s = ${(report.acked / report.seconds).toFixed(0)} msg/s (target ${values.rate}); errors ${report.errors}`,
        `ack latency: p50_ms=${report.p50.toFixed(1)} p95_ms=${report.p95.toFixed(1)} p99_ms=${report.p99.toFixed(1)}`,
        `reply latency (message → send): p50_ms=${report.r50.toFixed(1)} p95_ms=${report.r95.toFixed(1)}; ${report.sends} send frames received, ${sentRows} messages SENT in the database; heartbeat_acks ${report.heartbeatAcks}`,
        `server RSS after GC: ${fmtMem(before)} before the agents; ${fmtMem(connectedMem)} with ${held} connected`,
        `server RSS peak while sending: ${mb(rssPeak)} MB`,
        `load average (1/5/15 min): ${loadBefore} before, ${loadConnected} connected, ${loadAfter} after sending (${cpus().length} cores)`,
        `server process: node ${process.version} ${process.execArgv.filter((a) => a.startsWith("--") && a !== "--import" && a !== "tsx").join(" ") || "(no V8 flags)"}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "(unset)"}`,
      ].join("\n"),
    );
  } finally {
    await stopServer?.();
    // pipelines still working off a backlog lose their connections to the DROP below: expected here
    process.on("uncaughtException", (err) => {
      if ((err as { code?: string }).code === "57P01") return;
      console.error(err);
      process.exit(1);
    });
    await closeDb();
    await drop();
  }
}

// ---------------------------------------------------------------- simulated agents (child process)

async function clients() {
  const { readFileSync } = await import("node:fs");
  const cfg = JSON.parse(readFileSync(values.config!, "utf8")) as TClientConfig;
  const sockets: WebSocket[] = [];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const askedAt = new Map<string, number>();
  const replyLatencies: number[] = [];
  let connected = 0;
  let errors = 0;
  let sends = 0;
  let heartbeatAcks = 0;
  let measuring = false;
  const heartbeat = JSON.stringify({
    type: "heartbeat",
    status: { wechat: "ready", cpu: 0.3, mem: 55, queue: 0, processed: 0, version: "bench" },
  });

  const open = (token: string) =>
    new Promise<WebSocket | null>((resolve) => {
      const ws = new WebSocket(cfg.wsUrl, { headers: { Authorization: `Bearer ${token}` } });
      ws.on("message", (data) => {
        const f = JSON.parse(data.toString()) as { type: string; id?: string; code?: string };
        if (f.type === "welcome") {
          connected++;
          ws.send(heartbeat);
          resolve(ws);
        } else if (f.type === "ack" && f.id) {
          const t = sentAt.get(f.id);
          if (t !== undefined && measuring) latencies.push(performance.now() - t);
          sentAt.delete(f.id);
        } else if (f.type === "send" && f.id) {
          sends++;
          const replyTo = (f as { replyTo?: string | null }).replyTo;
          const t = replyTo ? askedAt.get(replyTo) : undefined;
          if (t !== undefined && replyTo) {
            replyLatencies.push(performance.now() - t);
            askedAt.delete(replyTo);
          }
          ws.send(JSON.stringify({ type: "sent", id: f.id, ok: true }));
        } else if (f.type === "heartbeat_ack") heartbeatAcks++;
        else if (f.type === "error") errors++;
      });
      ws.on("error", () => resolve(null));
      ws.on("close", () => resolve(null));
    });

  const t0 = performance.now();
  const BATCH = 250;
  for (let i = 0; i < cfg.tokens.length; i += BATCH) {
    const opened = await Promise.all(cfg.tokens.slice(i, i + BATCH).map(open));
    for (const ws of opened) if (ws) sockets.push(ws);
  }
  const rampS = (performance.now() - t0) / 1000;
  process.stderr.write(`  ${connected} agents connected in ${rampS.toFixed(1)} s; the server measures\n`);

  // heartbeats spread over the interval, like real agents that started at different times
  const hbTimers = sockets.map((ws, i) =>
    setTimeout(
      () => {
        const t = setInterval(
          () => ws.readyState === WebSocket.OPEN && ws.send(heartbeat),
          cfg.heartbeatSec * 1000,
        );
        hbTimers.push(t as unknown as NodeJS.Timeout);
      },
      (i / sockets.length) * cfg.heartbeatSec * 1000,
    ),
  );

  // the server measures its memory with every agent connected, then says go
  const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
  process.send!({ phase: "ramped", connected, rampS });
  await go;
  process.stderr.write(`  sending for ${cfg.seconds} s\n`);

  const senders = sockets.slice(0, cfg.senders);
  let sent = 0;
  let seq = 0;
  measuring = true;
  const start = performance.now();
  const tickMs = 50;
  const perTick = (cfg.rate * tickMs) / 1000;
  let budget = 0;
  while (performance.now() - start < cfg.seconds * 1000) {
    budget += perTick;
    while (budget >= 1) {
      budget--;
      const k = seq++;
      const ws = senders[k % senders.length];
      if (ws?.readyState !== WebSocket.OPEN) continue;
      const id = `${k}-${randomBytes(6).toString("hex")}`;
      const chat = `客户${k % 997}`;
      sentAt.set(id, performance.now());
      askedAt.set(id, performance.now());
      ws.send(
        JSON.stringify({
          type: "message",
          id,
          chat: { id: chat, name: chat, type: "private" },
          sender: { id: chat, name: chat },
          text: FAQ[k % FAQ.length][0],
          atMe: false,
          sentAt: new Date().toISOString(),
        }),
      );
      sent++;
    }
    await sleep(tickMs);
  }
  const elapsed = (performance.now() - start) / 1000;
  const drainUntil = performance.now() + 10_000;
  // waits for the acks and the replies still due (a stubbed pipeline never replies: 10 s at most)
  while ((sentAt.size > 0 || askedAt.size > 0) && performance.now() < drainUntil) await sleep(100);
  measuring = false;
  for (const t of hbTimers) clearTimeout(t);
  process.send!({
    connected,
    rampS,
    sent,
    acked: latencies.length,
    seconds: Math.round(elapsed * 10) / 10,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    r50: pct(replyLatencies, 50),
    r95: pct(replyLatencies, 95),
    sends,
    errors,
    heartbeatAcks,
  });
  for (const ws of sockets) ws.terminate();
  setTimeout(() => process.exit(0), 200);
}

(values.role === "clients" ? clients() : server()).then(
  () => values.role !== "clients" && process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
