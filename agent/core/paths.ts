import { homedir } from "node:os";
import { join } from "node:path";

export type TAgentPaths = {
  dir: string;
  machineSecret: string;
  credential: string;
  queue: string;
  config: string;
  helperScript: string;
};

/**
 * The data directory: KEFU_AGENT_HOME, else %APPDATA%\kefu-agent on Windows (per-user, so the profile's
 * ACL guards it), else ~/.kefu-agent.
 */
export function resolveAgentPaths(dir?: string): TAgentPaths {
  const base =
    dir ??
    process.env.KEFU_AGENT_HOME ??
    (process.platform === "win32" && process.env.APPDATA
      ? join(process.env.APPDATA, "kefu-agent")
      : join(homedir(), ".kefu-agent"));
  return {
    dir: base,
    machineSecret: join(base, "machine.key"),
    credential: join(base, "credential.sealed"),
    queue: join(base, "queue.log"),
    config: join(base, "config.json"),
    helperScript: join(base, "uia-helper.ps1"),
  };
}
