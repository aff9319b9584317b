import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "./generated/prisma/client";

// The hot path's own connection pool (PostgreSQL mode only): the pipeline's few statements per message
// go straight to the pg driver instead of through the ORM's query interpreter, which cost about a
// quarter of the process's CPU per message in profiles (docs/pipeline-performance.md). Values come back
// as Prisma's raw queries return them, so the same statement runs through `$queryRaw` in the other modes.

const { types } = pg;
const TIMESTAMP = 1114;
const INT8 = 20;

// "timestamp without time zone" holds UTC (Prisma's convention, and the session's TimeZone is UTC);
// the driver's default would read it in the process's local time zone
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    if (oid === INT8) return (v: string) => BigInt(v);
    return types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

// A connection keeps its prepared statements' plans; PostgreSQL re-plans them when a table's
// statistics change (ANALYZE), but a plan made while a table was nearly empty — and without
// statistics, e.g. autovacuum off — stays for the connection's life. Renewing each connection every
// few minutes bounds how long such a plan (a conversation's history read through the tenant-wide
// index, say) can live; the statements are prepared again on first use, which costs a few
// milliseconds per connection.
const CONNECTION_LIFETIME_SEC = 300;

export function createRawPool(connectionString: string, options: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    options,
    max,
    types: TYPES,
    maxLifetimeSeconds: CONNECTION_LIFETIME_SEC,
  });
  // an idle connection that dies (database restart) must not crash the process; the next query reconnects
  pool.on("error", () => {});
  return pool;
}

// Every statement is prepared once per connection (named by its text), so PostgreSQL parses and plans
// the pipeline's multi-table statements once instead of for every message. The texts are the code's
// own (values are parameters), so there are a few dozen of them; past MAX_PREPARED (a text built from
// data by mistake) the rest run unprepared instead of filling every connection's statement cache.
const MAX_PREPARED = 256;
const names = new Map<string, string>();
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name) {
    if (names.size >= MAX_PREPARED) return undefined;
    name = `kefu_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

export async function poolQuery<T>(pool: pg.Pool, query: Prisma.Sql): Promise<T[]> {
  const text = query.text;
  const res = await pool.query<T & pg.QueryResultRow>({
    name: nameOf(text),
    text,
    values: query.values as unknown[],
  });
  return res.rows;
}
