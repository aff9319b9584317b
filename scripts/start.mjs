// `npm start`: builds if needed, then runs the one-process server in production mode.
import { spawn } from "node:child_process";
import { ensureBuild } from "./ensure-build.mjs";

ensureBuild();
// `node --import tsx` keeps it one process (the tsx CLI would add a wrapper); signals are forwarded.
// MALLOC_ARENA_MAX=2: glibc otherwise gives each of Node's threads (libuv's pool, V8's helpers) its own
// malloc arenas, which held ~30–50 MB of RSS that the server never used (docs/agent-protocol.md,
// capacity); it has to be in the environment before the process starts, hence here.
const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
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
