// `npm start`: builds if needed, then runs the one-process server in production mode.
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
// `node --import tsx` keeps it one process (the tsx CLI would add a wrapper); signals are forwarded.
// MALLOC_ARENA_MAX=2: glibc otherwise gives each of Node's threads (libuv's pool, V8's helpers) its own
// malloc arenas, which held ~30–50 MB of RSS that the server never used (docs/agent-protocol.md,
// capacity); it has to be in the environment before the process starts, hence here.
// --max-semi-space-size=8: V8's young generation grows to 16 MB semi-spaces by default, ~18 MB of heap
// the server keeps committed; at 8 MB the gateway benchmark's server held 361 instead of 387–392 MB
// with 5 000 agents, with the same ack latency and pipeline throughput (docs/agent-protocol.md).
const child = spawn(process.execPath, ["--max-semi-space-size=8", "--import", "tsx", "server/main.ts"], {
  stdio: "inherit",
  env: {
    MALLOC_ARENA_MAX: "2",
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
