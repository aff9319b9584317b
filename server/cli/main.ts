import { closeDb } from "../db/client";
import { DataDirLockedError } from "../db/lock";
import { installMigrator } from "../db/migrator/install";
import { apikeyCommand } from "./apikey-command";
import { demoCommand } from "./demo-command";
import { deviceCommand } from "./device-command";
import { kbCommand } from "./kb-command";
import { migrateCommand } from "./migrate-command";
import { providerCommand } from "./provider-command";
import { tenantCommand } from "./tenant-command";
import { userCommand } from "./user-command";

// `npx kefu …` — the operators' CLI. Each command lives in its own file; this only dispatches.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  migrate: migrateCommand,
  tenant: tenantCommand,
  apikey: apikeyCommand,
  user: userCommand,
  kb: kbCommand,
  provider: providerCommand,
  device: deviceCommand,
  demo: demoCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(
      `Usage: kefu <command>\n\nCommands:\n  ${Object.keys(COMMANDS).join("\n  ")}\n\nRun kefu <command> --help for details.`,
    );
    return name ? 2 : 0;
  }
  return command(rest);
}

installMigrator();
main(process.argv.slice(2)).then(
  async (code) => {
    await closeDb(); // flushes and unlocks the embedded database
    process.exit(code);
  },
  async (e: unknown) => {
    await closeDb().catch(() => {});
    if (e instanceof DataDirLockedError) console.error(`kefu: ${e.message}`);
    else console.error(`kefu: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
