// `npm test`: every test — unit and integration (vitest), then end-to-end in Chromium (Playwright).
// Integration tests use PostgreSQL + pgvector when TEST_DATABASE_URL is set, embedded PGlite otherwise.
import { spawnSync } from "node:child_process";

const steps = [
  ["vitest", [process.execPath, ["node_modules/vitest/vitest.mjs", "run"]]],
  ["playwright", [process.execPath, ["node_modules/@playwright/test/cli.js", "test"]]],
];

let failed = [];
for (const [name, [cmd, args]] of steps) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\n✗ failed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\n✓ all test suites passed");
