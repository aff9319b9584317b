import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { pgliteExtensions } from "../pglite";

// Migration-aware adapter factories for the Wasm schema engine. Both replace the stock shadow database:
// - adapter-pg's connectToShadowDb passes `database` next to `connectionString`, which node-postgres
//   ignores, so its "shadow" is the main database; it also drops the shadow before closing its pool.
// - pglite-prisma-adapter's shadow has no extensions, so `CREATE EXTENSION vector` fails there.

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
let charPatched = false;

/**
 * adapter-pg runs a migration script by splitting it on every ";" (even inside comments and $$ bodies).
 * PostgreSQL's simple query protocol takes the whole script at once, as the native engine sends it.
 */
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const driver = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
  return adapter;
}

/** The engine's catalog queries return the Postgres type "char", which adapter-pg cannot map. */
function patchCharType(adapter: SqlDriverAdapter) {
  if (charPatched) return;
  // PgQueryable.prototype, shared by the adapter and its transactions
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as {
    performIO: (q: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
  };
  const original = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await original.call(this, query);
    for (const f of result?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
    return result;
  };
  charPatched = true;
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    max: 2,
  };
}

/** A factory whose connections the runner closes when the engine is done (the engine does not). */
export type TMigrationFactory = SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> };

export function postgresMigrationFactory(url: string): TMigrationFactory {
  const opened: SqlDriverAdapter[] = [];
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const adapter = await new PrismaPg(poolConfig(url)).connect();
      patchCharType(adapter);
      opened.push(adapter);
      return runScriptsWhole(adapter);
    },
    async close() {
      await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => {})));
    },
    async connectToShadowDb() {
      const name = `kefu_shadow_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client(poolConfig(url));
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const adapter = runScriptsWhole(await new PrismaPg(poolConfig(url, name)).connect());
      patchCharType(adapter);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose(); // close the pool before dropping, or Postgres refuses
        const c = new pg.Client(poolConfig(url));
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      };
      return adapter;
    },
  };
}

export function pgliteMigrationFactory(db: PGlite): TMigrationFactory {
  const main = new PrismaPGlite(db);
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: () => main.connect(),
    close: async () => {}, // the PGlite instance belongs to the caller
    async connectToShadowDb() {
      const shadow = new PGlite("memory://", { extensions: pgliteExtensions });
      await shadow.waitReady;
      const adapter = await new PrismaPGlite(shadow).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.close();
      };
      return adapter;
    },
  };
}
