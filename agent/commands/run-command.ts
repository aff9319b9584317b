import { writeFileSync } from "node:fs";
import { KefuAgent } from "../core/agent";
import { systemClock } from "../core/clock";
import { loadAgentConfig } from "../core/config";
import { loadCredential } from "../core/credential-store";
import { DEFAULT_QUEUE_OPTIONS, OfflineQueue } from "../core/offline-queue";
import { Pacer } from "../core/pacing";
import { SerialQueue } from "../core/serial-queue";
import { AGENT_VERSION } from "../core/version";
import type { WechatDriver } from "../drivers/driver";
import { attachConsoleWechat } from "../drivers/simulated/console-wechat";
import { SimulatedDriver } from "../drivers/simulated/simulated-driver";
import { HelperProcess } from "../drivers/uia/helper-process";
import { UIA_HELPER_PS1 } from "../drivers/uia/helper-script";
import { UiaDriver } from "../drivers/uia/uia-driver";
import { log, openContext, type TCommandContext } from "./context";

export type TDriverName = "simulated" | "uia";

/** Runs until Ctrl+C (exit 0) or until the server revokes the device (the promise rejects). */
export async function runCommand(driverName: TDriverName, options: { quiet?: boolean } = {}): Promise<void> {
  const context = openContext();
  const credential = loadCredential(context.paths.credential, context.credentialKey);
  const uiLock = new SerialQueue();
  const driver = createDriver(driverName, context, uiLock);
  const queue = new OfflineQueue(context.paths.queue, context.queueKey, {
    ...DEFAULT_QUEUE_OPTIONS,
    fingerprintWindowMs: context.config.dedupe.windowHours * 3600_000,
    now: Date.now,
  });
  if (queue.openReport.tornTail)
    log("queue: dropped a torn last record (the previous run stopped mid-write)");
  if (queue.openReport.unreadable > 0)
    log(`queue: skipped ${queue.openReport.unreadable} unreadable record(s)`);
  if (queue.pendingCount > 0) log(`queue: ${queue.pendingCount} message(s) waiting for the server`);

  const agent = new KefuAgent({
    wsUrl: credential.wsUrl,
    deviceToken: credential.deviceToken,
    driver,
    queue,
    pacer: new Pacer(context.config.pacing, systemClock, uiLock),
    config: context.config,
    version: AGENT_VERSION,
    reloadConfig: () => loadAgentConfig(context.paths.config),
    log: options.quiet ? () => {} : log,
  });
  const stop = () => void agent.stop();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  log(
    `kefu-agent ${AGENT_VERSION}: device ${credential.deviceId} (${credential.deviceName}), driver ${driver.id}, server ${credential.server}`,
  );
  await agent.run();
}

function createDriver(name: TDriverName, context: TCommandContext, uiLock: SerialQueue): WechatDriver {
  if (name === "simulated") {
    const driver = new SimulatedDriver();
    attachConsoleWechat(driver, process.stdin, process.stdout);
    return driver;
  }
  if (process.platform !== "win32")
    throw new Error("The uia driver needs Windows; use --driver simulated here.");
  // Rewritten on every start so an agent update always runs its matching helper.
  writeFileSync(context.paths.helperScript, "\ufeff" + UIA_HELPER_PS1, "utf8");
  const helper = new HelperProcess(
    context.config.uia.powershell,
    ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", context.paths.helperScript],
    log,
  );
  return new UiaDriver(helper, context.config.uia, { uiLock, log });
}
