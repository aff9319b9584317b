import type { db } from "../../server/db/client";
import { createThrowawayDatabase } from "./throwaway-db";

// The start of every knowledge benchmark: a throwaway database (see throwaway-db.ts), migrated, and
// the server's client on it. Server modules are imported only after DATABASE_URL points at it.

export type TBenchDatabase = {
  label: string;
  client: Awaited<ReturnType<typeof db>>;
  /** closes the client and drops the database (call it in `finally`) */
  close: () => Promise<void>;
};

export async function openBenchDatabase(prefix: string): Promise<TBenchDatabase> {
  process.env.LOG_LEVEL = "silent";
  const database = await createThrowawayDatabase(prefix);
  const { installMigrator, migratePostgresOnStart } = await import("../../server/db/migrator/install");
  const server = await import("../../server/db/client");
  const close = async () => {
    await server.closeDb();
    await database.drop();
  };
  try {
    installMigrator();
    await server.db();
    await migratePostgresOnStart();
    return { label: database.label, client: await server.db(), close };
  } catch (e) {
    await close();
    throw e;
  }
}
