import { databaseMode, env } from "../../env";
import { embeddedDataDir } from "../data-dir";
import { openPglite } from "../pglite";
import { postgresMigrationFactory, pgliteMigrationFactory, type TMigrationFactory } from "./adapters";

/** Runs fn with a migration factory for the configured database (the CLI's view of DATABASE_URL). */
export async function withMigrationTarget<T>(
  fn: (factory: TMigrationFactory, label: string) => Promise<T>,
): Promise<T> {
  const mode = databaseMode();
  const url = env().DATABASE_URL;
  if (mode === "postgres" && url) return fn(postgresMigrationFactory(url), redact(url));
  if (mode === "accelerate") {
    throw new Error(
      "Migrations need a direct PostgreSQL URL: run them with DATABASE_URL=postgres://… (Accelerate only proxies queries).",
    );
  }
  if (mode === "memory") throw new Error("memory:// databases are migrated when they open; nothing to do.");
  const handle = await openPglite({ dataDir: embeddedDataDir() });
  try {
    return await fn(pgliteMigrationFactory(handle.pg), `embedded PGlite at ${handle.dataDir}`);
  } finally {
    await handle.pg.close();
    handle.release();
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
