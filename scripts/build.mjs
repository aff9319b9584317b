// `npm run build`: Prisma client + chat widget bundle + Next production build. Stale dev types break `next build`
// (.next/dev/types), so they are removed first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
fs.rmSync(".next/dev", { recursive: true, force: true });
run(process.execPath, ["scripts/prisma-generate.mjs"]);
// the widget bundle first: Next lists public/ when the server starts, so /widget.js must exist by then
run(process.execPath, ["scripts/build-widget.mjs"]);
run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
