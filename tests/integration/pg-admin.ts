import pg from "pg";

/** One template per test run (several runs may share a server, e.g. CI and a developer). */
export function templateDbName(): string {
  return `kefu_test_template_${process.pid}`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
