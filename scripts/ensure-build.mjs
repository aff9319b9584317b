// Builds when there is no production build or the sources changed since the last one.
// Used by `npm start` and the e2e runner.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildWidget } from "./build-widget.mjs";

const WATCHED = [
  "app",
  "components",
  "server",
  "inngest",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.ts",
  "package.json",
  "public",
];
// public/widget.js is built from widget/ on its own (buildWidget below) and needs no Next rebuild
const IGNORED = new Set(["node_modules", "generated", ".next", "widget.js"]);

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) if (!IGNORED.has(e)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

export function ensureBuild() {
  buildWidget({ ifStale: true });
  const buildId = ".next/BUILD_ID";
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built && !WATCHED.some((p) => newestMtime(p) > built)) return;
  console.log(
    built ? "Sources changed since the last build; rebuilding…" : "No production build yet; building…",
  );
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild();
