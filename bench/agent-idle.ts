// Idle memory of the Windows agent: runs the bundled agent (the same JavaScript the .exe embeds) with
// the simulated driver against the local protocol peer, relays a few messages, lets it idle, and prints
// its resident set size. Target: < 80 MB. Run: node --import tsx bench/agent-idle.ts
// (AGENT_IDLE_SECONDS, default 20; AGENT_NODE=<node binary> to run the agent on another Node, e.g. the
// Node 22 that build-exe caches in agent/dist/.cache). Linux only: RSS is read from /proc.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeKefuServer } from "../agent/test-support/fake-server";

const IDLE_SECONDS = Number(process.env.AGENT_IDLE_SECONDS ?? 20);
const TARGET_MB = 80;
const root = join(__dirname, "..");
const bundle = join(root, "agent", "dist", "kefu-agent.cjs");
const agentNode = process.env.AGENT_NODE ?? process.execPath;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round((Number(line[1]) / 1024) * 10) / 10 : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  spawnSync(process.execPath, [join(root, "agent", "build", "build-exe.mjs"), "--bundle-only"], {
    stdio: "inherit",
  });
  const server = new FakeKefuServer();
  server.heartbeatIntervalSec = 2;
  await server.start();
  server.codes.set("BENCH1", { status: 200 });
  const env = { ...process.env, KEFU_AGENT_HOME: mkdtempSync(join(tmpdir(), "kefu-agent-bench-")) };
  // Asynchronous on purpose: the fake server lives in this process and must keep answering.
  const pair = spawn(agentNode, [bundle, "pair", server.url, "BENCH1", "--name", "bench"], {
    env,
    stdio: "inherit",
  });
  const pairExit = await new Promise<number | null>((resolve) => pair.on("exit", resolve));
  if (pairExit !== 0) throw new Error(`pairing failed with exit code ${pairExit}`);

  const agent = spawn(agentNode, [bundle, "run", "--driver", "simulated"], {
    env,
    stdio: ["pipe", "ignore", "ignore"],
  });
  await server.waitFor(() => server.framesOf("heartbeat").length > 0);
  for (let i = 0; i < 20; i++) agent.stdin.write(`客户${i % 4}: 第 ${i} 条消息\n`);
  await server.waitFor(() => server.stored.size === 20);
  for (let i = 0; i < 5; i++)
    server.send({
      id: `s${i}`,
      chat: { id: "客户0", name: "客户0", type: "private" },
      text: `回复 ${i}`,
      replyTo: null,
    });
  const afterWork = rssMb(agent.pid!);

  let peak = afterWork;
  for (let s = 0; s < IDLE_SECONDS; s++) {
    await sleep(1000);
    peak = Math.max(peak, rssMb(agent.pid!));
  }
  const idle = rssMb(agent.pid!);
  const lastHeartbeat = server.framesOf("heartbeat").at(-1)!.status;
  agent.kill("SIGTERM");
  await server.kill();
  const result = {
    node: spawnSync(agentNode, ["--version"]).stdout.toString().trim(),
    idleSeconds: IDLE_SECONDS,
    rssAfterWorkMb: afterWork,
    rssIdleMb: idle,
    rssPeakMb: peak,
    heartbeat: { cpu: lastHeartbeat.cpu, mem: lastHeartbeat.mem, processed: lastHeartbeat.processed },
    targetMb: TARGET_MB,
    pass: peak < TARGET_MB,
  };
  console.log(JSON.stringify(result, null, 2));
  if (!result.pass) process.exitCode = 1;
}

void main();
