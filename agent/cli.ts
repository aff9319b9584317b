import { parseArgs } from "node:util";
import { DeviceRevokedError } from "./core/connection";
import { ConfigError } from "./core/config";
import { CredentialError } from "./core/credential-store";
import { PairingError } from "./core/pairing";
import { AGENT_VERSION } from "./core/version";
import { pairCommand } from "./commands/pair-command";
import { runCommand, type TDriverName } from "./commands/run-command";
import { selfTestCommand } from "./commands/self-test-command";
import { snapshotCommand } from "./commands/snapshot-command";

const HELP = `kefu-agent ${AGENT_VERSION} — relays WeChat PC messages to Kefu

  kefu-agent pair <server> <code> [--name <device name>]   exchange a dashboard pairing code
  kefu-agent run [--driver uia|simulated]                  run (uia on Windows, simulated elsewhere)
  kefu-agent snapshot [file]                               record WeChat's UI tree (Windows)
  kefu-agent --self-test [ws://server/agent/ws]            check crypto, queue and networking
  kefu-agent --version

Data directory: KEFU_AGENT_HOME, else %APPDATA%\\kefu-agent (Windows) or ~/.kefu-agent.`;

/** Exit codes: 0 ok, 1 usage or unexpected error, 2 pairing/credential/config problem, 3 device revoked. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      driver: { type: "string" },
      "self-test": { type: "boolean" },
      version: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) return print(AGENT_VERSION);
  if (values["self-test"]) return (await selfTestCommand(command)) ? 0 : 1;
  if (command === "pair" && rest.length === 2) {
    await pairCommand(rest[0], rest[1], values.name);
    return 0;
  }
  if (command === "run" && rest.length === 0) {
    const driver = (values.driver ?? (process.platform === "win32" ? "uia" : "simulated")) as TDriverName;
    if (driver !== "uia" && driver !== "simulated") return fail(`unknown driver "${driver}"`, 1);
    await runCommand(driver);
    return 0;
  }
  if (command === "snapshot" && rest.length <= 1) {
    await snapshotCommand(rest[0]);
    return 0;
  }
  return print(HELP, values.help ? 0 : 1);
}

function print(text: string, code = 0): number {
  process.stdout.write(text + "\n");
  return code;
}

function fail(message: string, code: number): number {
  process.stderr.write(`kefu-agent: ${message}\n`);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DeviceRevokedError) process.exit(fail(err.message, 3));
    if (err instanceof PairingError || err instanceof CredentialError || err instanceof ConfigError) {
      process.exit(fail(err.message, 2));
    }
    process.exit(fail(err instanceof Error ? (err.stack ?? err.message) : String(err), 1));
  },
);
