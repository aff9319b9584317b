import { loadMigrations } from "./migration-files";

type TQuery = (sql: string) => Promise<{ migration_name: string }[]>;

/**
 * Names of migrations on disk that the database has not finished applying. Reading the table is cheap;
 * loading the schema engine is not (about 1 s), so start-up only loads it when something is pending.
 */
export async function pendingMigrationNames(query: TQuery): Promise<string[]> {
  const onDisk = loadMigrations().migrationDirectories.map((d) => d.path);
  let done: Set<string>;
  try {
    const rows = await query(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    done = new Set(rows.map((r) => r.migration_name));
  } catch {
    return onDisk; // no migrations table yet
  }
  return onDisk.filter((name) => !done.has(name));
}
