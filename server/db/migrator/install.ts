import { db, installEmbeddedMigrator } from "../client";
import { databaseMode, env } from "../../env";
import { postgresMigrationFactory, pgliteMigrationFactory } from "./adapters";
import { pendingMigrationNames } from "./pending-migrations";
import { deployMigrations } from "./runner";

// Wiring for the process entry points: embedded databases migrate as they open; PostgreSQL migrates at
// start-up unless KEFU_MIGRATE_ON_START=0 (the engine takes an advisory lock, so instances can race).

export function installMigrator(): void {
  installEmbeddedMigrator(async (pg) => {
    const pending = await pendingMigrationNames((sql) =>
      pg.query<{ migration_name: string }>(sql).then((r) => r.rows),
    );
    if (pending.length) await deployMigrations(pgliteMigrationFactory(pg));
  });
}

export async function migratePostgresOnStart(): Promise<string[]> {
  const url = env().DATABASE_URL;
  if (databaseMode() !== "postgres" || !url || env().KEFU_MIGRATE_ON_START !== "1") return [];
  const client = await db();
  const pending = await pendingMigrationNames((sql) =>
    client.$queryRawUnsafe<{ migration_name: string }[]>(sql),
  );
  if (!pending.length) return [];
  return deployMigrations(postgresMigrationFactory(url));
}
