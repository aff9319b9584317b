import { hostname } from "node:os";
import { loadAgentConfig, type TAgentConfig } from "../core/config";
import { resolveAgentPaths, type TAgentPaths } from "../core/paths";
import { deriveKey, loadOrCreateMachineSecret, type TSealKey } from "../core/sealing";

export type TCommandContext = {
  paths: TAgentPaths;
  config: TAgentConfig;
  credentialKey: TSealKey;
  queueKey: TSealKey;
};

/** Opens the data directory: machine secret (created on first run), derived keys, config. */
export function openContext(dir?: string): TCommandContext {
  const paths = resolveAgentPaths(dir);
  const secret = loadOrCreateMachineSecret(paths.machineSecret);
  return {
    paths,
    config: loadAgentConfig(paths.config),
    credentialKey: deriveKey(secret, "credential"),
    queueKey: deriveKey(secret, "queue"),
  };
}

export function defaultDeviceName(): string {
  return hostname();
}

export function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}
