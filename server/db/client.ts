import { PrismaPg } from "@prisma/adapter-pg";
import { withAccelerate } from "@prisma/extension-accelerate";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { databaseMode, env, type TDatabaseMode } from "../env";
import { PrismaClient, type Prisma } from "./generated/prisma/client";
import { embeddedDataDir } from "./data-dir";
import { openPglite, type TPgliteHandle } from "./pglite";
import { createRawPool, poolQuery } from "./raw-pool";

// One database factory for three modes (PostgreSQL, Accelerate, embedded PGlite). Next evaluates this
// module up to three times per process (custom server, route layer, page layer), so the handle lives on
// globalThis and is created synchronously on first use — never at import, because `next build` workers
// import it in other processes and PGlite has no lock of its own.

export type TDbHandle = {
  mode: TDatabaseMode;
  ready: Promise<PrismaClient>;
  pglite: Promise<TPgliteHandle> | null;
  /** a raw statement on the fastest path this mode has (rawQuery below) */
  query: <T>(q: Prisma.Sql) => Promise<T[]>;
  close: () => Promise<void>;
};

const KEY = Symbol.for("kefu.db");
const MIGRATOR = Symbol.for("kefu.db.migrator");
type TMigrator = (pg: TPgliteHandle["pg"]) => Promise<void>;
type G = typeof globalThis & { [KEY]?: TDbHandle; [MIGRATOR]?: TMigrator };

/**
 * Embedded databases are migrated when they open. The migrator (schema engine, migration files) is
 * installed by the process entry points (server/main.ts, the CLI, tests) and not imported here, so
 * Next's bundles of this module stay free of it.
 */
export function installEmbeddedMigrator(migrate: TMigrator): void {
  (globalThis as G)[MIGRATOR] = migrate;
}

export function getDbHandle(): TDbHandle {
  const g = globalThis as G;
  return (g[KEY] ??= createHandle());
}

/** The Prisma client, ready to query (embedded databases are opened and migrated first). */
export function db(): Promise<PrismaClient> {
  return getDbHandle().ready;
}

/**
 * A raw statement (Prisma.sql) for the message hot path: in PostgreSQL mode on a pg pool of its own,
 * bypassing the ORM (raw-pool.ts); otherwise through `$queryRaw`. Both return the same value types.
 */
export function rawQuery<T>(q: Prisma.Sql): Promise<T[]> {
  return getDbHandle().query<T>(q);
}

export async function closeDb(): Promise<void> {
  const g = globalThis as G;
  const handle = g[KEY];
  if (!handle) return;
  delete g[KEY];
  await handle.close();
}

// Every session searches vectors with iterative HNSW scans (a tenant's rows are a filter over the shared
// index: without them a small tenant among large ones gets too few results) and a wider beam.
// TimeZone UTC: Prisma stores DateTime as UTC in "timestamp without time zone" columns, so SQL that
// writes now() or truncates to hours/days (roll-ups, lifecycle, persistence) must see UTC too, whatever
// the server's (a managed database's) default time zone is.
const SESSION_SETTINGS = { "hnsw.iterative_scan": "relaxed_order", "hnsw.ef_search": "100", TimeZone: "UTC" };
const SESSION_OPTIONS = Object.entries(SESSION_SETTINGS)
  .map(([k, v]) => `-c ${k}=${v}`)
  .join(" ");

function createHandle(): TDbHandle {
  const mode = databaseMode();
  const url = env().DATABASE_URL ?? "";
  if (mode === "accelerate") {
    const client = new PrismaClient({ accelerateUrl: url }).$extends(
      withAccelerate(),
    ) as unknown as PrismaClient;
    return {
      mode,
      ready: Promise.resolve(client),
      pglite: null,
      query: <T>(q: Prisma.Sql) => client.$queryRaw<T[]>(q),
      close: () => client.$disconnect(),
    };
  }
  if (mode === "postgres") {
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url, options: SESSION_OPTIONS }),
    });
    const pool = createRawPool(url, SESSION_OPTIONS);
    return {
      mode,
      ready: Promise.resolve(client),
      pglite: null,
      query: <T>(q: Prisma.Sql) => poolQuery<T>(pool, q),
      close: async () => {
        await Promise.all([client.$disconnect(), pool.end()]);
      },
    };
  }
  const pglite = openPglite({
    dataDir: mode === "memory" ? null : embeddedDataDir(),
    snapshotFile: mode === "memory" ? env().KEFU_PGLITE_SNAPSHOT : undefined,
  });
  const ready = pglite.then(async (h) => {
    const migrate = (globalThis as G)[MIGRATOR];
    if (!migrate)
      throw new Error("The embedded database must be opened by server/main.ts, the CLI or the test setup");
    await migrate(h.pg);
    // PGlite is one session: set once
    for (const [k, v] of Object.entries(SESSION_SETTINGS)) await h.pg.exec(`SET ${k} = ${v}`);
    return new PrismaClient({ adapter: new PrismaPGlite(h.pg) });
  });
  // Keep an early failure (e.g. the data dir is locked) from becoming an unhandled rejection;
  // every caller of db() still sees it.
  ready.catch(() => {});
  return {
    mode,
    ready,
    pglite,
    query: async <T>(q: Prisma.Sql) => (await ready).$queryRaw<T[]>(q),
    close: async () => {
      const client = await ready.catch(() => null);
      await client?.$disconnect();
      const h = await pglite.catch(() => null);
      if (h) {
        await h.pg.close();
        h.release();
      }
    },
  };
}
