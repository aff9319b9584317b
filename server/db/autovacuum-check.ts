import { logger } from "../logging";
import { rawQuery } from "./client";
import { Prisma } from "./generated/prisma/client";

// The hot path's statements are prepared once per connection and keep their plans; PostgreSQL plans
// them well only with table statistics, which autovacuum gathers as the tables grow. With autovacuum
// off, the plans made while the tables were small stay (see db/raw-pool.ts) — a production database
// should have it on, so the server says so at start.

export async function warnIfAutovacuumOff(): Promise<void> {
  try {
    const [row] = await rawQuery<{ on: string }>(Prisma.sql`SELECT current_setting('autovacuum') AS on`);
    if (row?.on !== "on")
      logger().warn(
        { autovacuum: row?.on },
        "PostgreSQL runs with autovacuum off: table statistics go stale and query plans with them; turn it on (docs/database.md)",
      );
  } catch (err) {
    logger().warn({ err }, "could not read the autovacuum setting");
  }
}
