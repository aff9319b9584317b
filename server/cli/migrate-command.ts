import { parseArgs } from "node:util";
import { createMigration, deployMigrations, pendingDiff } from "../db/migrator/runner";
import { withMigrationTarget } from "../db/migrator/target";

const USAGE = `kefu migrate                       apply pending migrations (prisma migrate deploy)
kefu migrate dev --name <name>     generate a migration from schema.prisma and apply it
                 [--create-only]   only write the file
kefu migrate diff                  print the SQL schema.prisma still needs (empty when in sync)`;

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, "create-only": { type: "boolean" }, help: { type: "boolean" } },
  });
  const sub = positionals[0] ?? "deploy";
  if (values.help) return print(USAGE, 0);
  if (sub === "deploy") {
    return withMigrationTarget(async (factory, label) => {
      const applied = await deployMigrations(factory);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${label}:\n  ${applied.join("\n  ")}`
          : `${label} is up to date.`,
      );
      return 0;
    });
  }
  if (sub === "dev") {
    const name = values.name?.trim();
    if (!name || !/^[a-z0-9_]+$/i.test(name))
      return print("kefu migrate dev needs --name <letters, digits, _>", 2);
    return withMigrationTarget(async (factory, label) => {
      const res = await createMigration(factory, { name, createOnly: values["create-only"] });
      if (!res.file) console.log(`schema.prisma and the migrations agree; nothing generated (${label}).`);
      else
        console.log(
          `Wrote ${res.file}${values["create-only"] ? " (not applied)" : ` and applied it to ${label}`}.`,
        );
      return 0;
    });
  }
  if (sub === "diff") {
    return withMigrationTarget(async (factory) => {
      const sql = await pendingDiff(factory);
      console.log(sql || "-- in sync");
      return 0;
    });
  }
  return print(USAGE, 2);
}

function print(text: string, code: number): number {
  (code === 0 ? console.log : console.error)(text);
  return code;
}
