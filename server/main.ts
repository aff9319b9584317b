import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { SCHEDULES } from "../inngest/functions";
import { drainInProcessJobs } from "../inngest/runner";
import { startInProcessSchedules } from "../inngest/schedule";
import { closeDb, getDbHandle } from "./db/client";
import { installMigrator, migratePostgresOnStart } from "./db/migrator/install";
import { warnIfAutovacuumOff } from "./db/autovacuum-check";
import { DataDirLockedError } from "./db/lock";
import { PROJECT_ROOT } from "./db/migrator/migration-files";
import { databaseMode, env, reloadEnv, setEnvDefault } from "./env";
import { AGENT_WS_PATH, agentGateway } from "./gateway/agent-gateway";
import { registerUpgrade, routeUpgrade } from "./gateway/upgrade-router";
import { WIDGET_WS_PATH, widgetGateway } from "./gateway/widget-gateway";
import { WORKBENCH_WS_PATH, workbenchGateway } from "./gateway/workbench-gateway";
import { serveMetrics } from "./http/metrics-endpoint";
import { assignRequestId, normaliseForwarding } from "./http/request-context";
import { applySecurityHeaders } from "./http/security-headers";
import { applyWidgetFramePolicy } from "./http/widget-frame-policy";
import { logger } from "./logging";
import { metrics } from "./metrics";
import { ensureSecrets } from "./startup-secrets";

// The one process: Next's request handler, WebSocket upgrades routed by path (gateways plug in
// later), the database (embedded PGlite is opened and migrated here, before Next can ask for it) and,
// without an Inngest server, the background jobs.

async function main() {
  setEnvDefault("NEXTAUTH_URL", `http://localhost:${env().PORT}`);
  setEnvDefault("NEXT_TELEMETRY_DISABLED", "1");
  reloadEnv();
  const secrets = ensureSecrets();
  const e = env();
  const log = logger();
  const dev = e.NODE_ENV !== "production";
  if (secrets.generated)
    log.info({ file: secrets.file }, "generated session and encryption keys for the embedded default");

  const started = Date.now();
  installMigrator();
  const handle = getDbHandle(); // on globalThis before Next's module copies can create their own
  await handle.ready;
  const applied = await migratePostgresOnStart();
  log.info(
    { mode: handle.mode, migrationsApplied: applied.length, ms: Date.now() - started },
    "database ready",
  );
  if (handle.mode === "postgres") void warnIfAutovacuumOff();

  const httpServer = createServer();
  const app = next({ dev, dir: PROJECT_ROOT, hostname: e.HOST, port: e.PORT, httpServer });
  const handleRequest = app.getRequestHandler();
  await app.prepare();

  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const t0 = process.hrtime.bigint();
    const requestId = assignRequestId(req);
    const { https } = normaliseForwarding(req, Boolean(e.TRUST_PROXY));
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    res.setHeader("X-Request-Id", requestId);
    applySecurityHeaders(req, res, { dev, pathname, https });
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      metrics().httpRequests.inc({ method: req.method ?? "GET", status: String(res.statusCode) });
      metrics().httpDuration.observe({ method: req.method ?? "GET" }, seconds);
      if (!pathname.startsWith("/_next/")) {
        log.info(
          {
            requestId,
            method: req.method,
            path: pathname,
            status: res.statusCode,
            ms: Math.round(seconds * 1000),
          },
          "request",
        );
      }
    });
    if (pathname === "/metrics") return void serveMetrics(req, res);
    // the widget's iframe page gets its tenant's frame-ancestors first (a no-op for other paths)
    void applyWidgetFramePolicy(res, pathname, dev)
      .then(() => handleRequest(req, res))
      .catch((err: unknown) => {
        log.error({ err, requestId }, "request handler failed");
        if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
      });
  });
  registerUpgrade(AGENT_WS_PATH, agentGateway().handleUpgrade);
  registerUpgrade(WIDGET_WS_PATH, widgetGateway().handleUpgrade);
  registerUpgrade(WORKBENCH_WS_PATH, workbenchGateway().handleUpgrade);
  httpServer.on("upgrade", routeUpgrade);
  httpServer.on("clientError", (_err, socket) => socket.destroy());

  await new Promise<void>((resolve) => httpServer.listen(e.PORT, e.HOST, resolve));
  log.info(
    { url: `http://localhost:${e.PORT}`, mode: databaseMode(), dev },
    `Kefu ready on http://localhost:${e.PORT}`,
  );

  const stopSchedules = startInProcessSchedules(SCHEDULES);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    httpServer.close();
    stopSchedules();
    await agentGateway()
      .close(1001)
      .catch(() => {});
    await widgetGateway()
      .close(1001)
      .catch(() => {});
    await workbenchGateway()
      .close(1001)
      .catch(() => {});
    httpServer.closeAllConnections();
    await drainInProcessJobs().catch(() => {});
    await app.close().catch(() => {});
    await closeDb().catch(() => {}); // flushes and unlocks the embedded database
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

process.on("unhandledRejection", (reason) => logger().error({ err: reason }, "unhandled rejection"));

main().catch(async (err: unknown) => {
  if (err instanceof DataDirLockedError) console.error(`\nKefu cannot start: ${err.message}\n`);
  else console.error(err);
  await closeDb().catch(() => {});
  process.exit(1);
});
