import { randomBytes } from "node:crypto";
import pg from "pg";

// A database for one benchmark run: a new database on the PostgreSQL server DATABASE_URL names
// (dropped afterwards), or in-memory PGlite when DATABASE_URL is unset. Sets DATABASE_URL for the
// server modules, which must be imported after this (dynamic import).

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function createThrowawayDatabase(
  prefix: string,
): Promise<{ label: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl && /^postgres(ql)?:\/\//.test(serverUrl)) {
    const name = `${prefix}_${randomBytes(5).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    process.env.DATABASE_URL = u.toString();
    return {
      label: "PostgreSQL",
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  process.env.DATABASE_URL = "memory://";
  return { label: "in-memory PGlite", drop: async () => undefined };
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
