import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KefuAgent } from "../core/agent";
import { systemClock } from "../core/clock";
import { ZAgentConfig, type TAgentConfig } from "../core/config";
import { DEFAULT_QUEUE_OPTIONS, OfflineQueue } from "../core/offline-queue";
import { Pacer } from "../core/pacing";
import { resolveAgentPaths, type TAgentPaths } from "../core/paths";
import { deriveKey, loadOrCreateMachineSecret } from "../core/sealing";
import { SimulatedDriver } from "../drivers/simulated/simulated-driver";

/** Config for tests: no typing delays, gaps or caps, and reconnects within tens of milliseconds. */
export const FAST_CONFIG: TAgentConfig = ZAgentConfig.parse({
  pacing: {
    typing: { baseMs: 0, jitterMs: 0, charsPerSecond: 1000 },
    perChatMinGapMs: 0,
    maxPerMinute: 1000,
  },
  reconnect: { baseMs: 20, capMs: 100 },
});

export type TAgentHarness = {
  agent: KefuAgent;
  driver: SimulatedDriver;
  queue: OfflineQueue;
  paths: TAgentPaths;
  logs: string[];
  running: Promise<void>;
};

export function tempAgentDir(): string {
  return mkdtempSync(join(tmpdir(), "kefu-agent-test-"));
}

/** Builds and starts an agent with the simulated driver; reuse `dir` to simulate a process restart. */
export function startAgent(wsUrl: string, dir = tempAgentDir(), token = "token-1"): TAgentHarness {
  const paths = resolveAgentPaths(dir);
  const secret = loadOrCreateMachineSecret(paths.machineSecret);
  const queue = new OfflineQueue(paths.queue, deriveKey(secret, "queue"), {
    ...DEFAULT_QUEUE_OPTIONS,
    compactAfterObsolete: 4,
    now: Date.now,
  });
  const driver = new SimulatedDriver();
  const logs: string[] = [];
  const agent = new KefuAgent({
    wsUrl,
    deviceToken: token,
    driver,
    queue,
    pacer: new Pacer(FAST_CONFIG.pacing, systemClock),
    config: FAST_CONFIG,
    version: "test",
    reloadConfig: () => FAST_CONFIG,
    log: (line) => logs.push(line),
  });
  const running = agent.run();
  running.catch(() => {}); // observed by the tests that expect a failure
  return { agent, driver, queue, paths, logs, running };
}
