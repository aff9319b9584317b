// The e2e web servers (playwright.config.ts `webServer`): `node scripts/e2e-server.mjs main|smoke`.
//
// main  — PORT 3311. With TEST_DATABASE_URL (CI's PostgreSQL) it recreates the database `kefu_e2e` on
//         that server and points DATABASE_URL at it (the server migrates it at start); otherwise a fresh
//         embedded PGlite under a temp KEFU_DATA_DIR.
// smoke — PORT 3312, exactly what a new user gets from `npm start` with no configuration: the
//         environment is reduced to PATH and HOME plus PORT and a fresh temp KEFU_DATA_DIR, and the
//         server is started through scripts/start.mjs (which sets NODE_ENV=production itself).
//
// Builds happen once: Playwright starts webServer entries one after another, waiting for each one's
// health URL before launching the next (runner: plugin setups are awaited in order), so `main`
// builds if sources changed and `smoke`'s ensureBuild() finds the build fresh.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureBuild } from "./ensure-build.mjs";

const role = process.argv[2];
if (role !== "main" && role !== "smoke") {
  console.error("usage: node scripts/e2e-server.mjs main|smoke");
  process.exit(2);
}
const PORT = role === "main" ? "3311" : "3312";
const E2E_DB = "kefu_e2e";

async function recreateDatabase(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${E2E_DB}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${E2E_DB}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${E2E_DB}`;
  return url.toString();
}

async function main() {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kefu-e2e-${role}-`));
  let env;
  let args;
  if (role === "smoke") {
    env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? os.homedir(),
      PORT,
      KEFU_DATA_DIR: dataDir,
    };
    args = ["scripts/start.mjs"];
  } else {
    env = {
      ...process.env,
      PORT,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      KEFU_DATA_DIR: dataDir,
      NODE_ENV: "production",
      // every browser of the e2e suite signs in from 127.0.0.1: one "office" of dozens of agents
      KEFU_IP_LIMIT_SCALE: "50",
      // the handoff spec's latency measurement sends 45 widget messages in a row (default 20 a minute)
      KEFU_WIDGET_MESSAGES_PER_MINUTE: "100",
      // the ERP spec's fake ERP listens on 127.0.0.1, which the SSRF guard refuses by default
      KEFU_ERP_ALLOW_PRIVATE: "1",
    };
    delete env.DATABASE_URL;
    delete env.PUBLIC_URL; // invitation links must point at this server
    if (process.env.TEST_DATABASE_URL)
      env.DATABASE_URL = await recreateDatabase(process.env.TEST_DATABASE_URL);
    args = ["--import", "tsx", "server/main.ts"];
  }
  console.log(
    `[e2e-server:${role}] port ${PORT}, ${env.DATABASE_URL ? "PostgreSQL database " + E2E_DB : "embedded PGlite in " + dataDir}`,
  );

  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      child.kill(sig);
    });
  }
  child.on("exit", (code, signal) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
