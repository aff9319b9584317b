// Start-up of the embedded default: time from spawn until /api/health answers 200, and the process's
// RSS then, for a fresh data dir (initdb + migrations) and for an existing one. Needs a build
// (`npm run build`). Usage: node bench/startup.mjs [--runs 3] [--port 3390]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBuild } from "../scripts/ensure-build.mjs";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, port: { type: "string", default: "3390" } },
});
const runs = Number(values.runs);
const port = Number(values.port);

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

async function startOnce(dataDir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      KEFU_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 120_000) throw new Error("server did not become healthy in 120 s");
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ms: Math.round(performance.now() - t0), rss: rssMb(child.pid) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

ensureBuild();
const fresh = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kefu-bench-"));
  fresh.push(await startOnce(dir));
  warm.push(await startOnce(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const fmt = (xs, k) => xs.map((x) => x[k]).join(" / ");
console.log(`embedded start-up, ${runs} run(s), time to healthy (ms) and RSS at that moment (MB):`);
console.log(`  fresh data dir (initdb + migrations): ${fmt(fresh, "ms")} ms   RSS ${fmt(fresh, "rss")} MB`);
console.log(`  existing data dir:                     ${fmt(warm, "ms")} ms   RSS ${fmt(warm, "rss")} MB`);
