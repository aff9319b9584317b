// npm run bench:dashboard [-- --messages 1000000 --days 90 --runs 20 --keep]
// One tenant in a throwaway database (a new database on DATABASE_URL's server; in-memory PGlite when
// DATABASE_URL is unset, then use far fewer messages) with --messages messages over --days days:
// ~10 messages per conversation, four channels, bot decisions with latencies and evidence, agents,
// usage records, contacts and learned items, all inserted with set-based SQL (generate_series).
// Prints the time of a full roll-up rebuild, then p50/p95/max of getOverview for 1/7/30/90-day ranges
// with and without a channel filter, and the same numbers computed from raw rows without roll-ups.
import { parseArgs } from "node:util";
import { createThrowawayDatabase, percentile } from "./lib/throwaway-db";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "1000000" },
    days: { type: "string", default: "90" },
    runs: { type: "string", default: "20" },
    /** keep the database afterwards (prints its URL) to profile queries by hand */
    keep: { type: "boolean", default: false },
  },
});
const MESSAGES = Number(values.messages);
const DAYS = Number(values.days);
const RUNS = Number(values.runs);
const PER_CONV = 10;
const CONVERSATIONS = Math.ceil(MESSAGES / PER_CONV);
const CONTACTS = Math.max(100, Math.round(CONVERSATIONS * 0.3));
const AGENTS = 8;

const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const log = (s: string) => process.stderr.write(`${s}\n`);

async function main() {
  process.env.LOG_LEVEL = "silent";
  const database = await createThrowawayDatabase("kefu_dash");
  const { installMigrator, migratePostgresOnStart } = await import("../server/db/migrator/install");
  const { closeDb, db } = await import("../server/db/client");
  const { seedDashboardData } = await import("./lib/dashboard-seed");
  const { rebuildRollups } = await import("../server/services/dashboard/rollups");
  const { rebuildUsageDaily } = await import("../server/services/dashboard/usage-rollup");
  const { getOverview } = await import("../server/services/dashboard/get-overview");
  const { localDay, addDays } = await import("../server/services/dashboard/tenant-timezone");
  const { rawOverviewTotals } = await import("./lib/dashboard-raw");
  try {
    installMigrator();
    await db();
    await migratePostgresOnStart();
    const now = new Date();
    const t0 = performance.now();
    const { tenantId, start } = await seedDashboardData(await db(), {
      messages: MESSAGES,
      conversations: CONVERSATIONS,
      contacts: CONTACTS,
      agents: AGENTS,
      days: DAYS,
      now,
      log,
    });
    const seedS = secs(t0);

    const t1 = performance.now();
    await rebuildRollups(tenantId, start, now);
    const rollupS = secs(t1);
    const today = localDay(now, "Asia/Shanghai");
    const t2 = performance.now();
    await rebuildUsageDaily(tenantId, localDay(start, "Asia/Shanghai"), today);
    const usageS = secs(t2);

    console.log(`database: ${database.label}`);
    console.log(
      `seed: ${MESSAGES} messages, ${CONVERSATIONS} conversations, ${CONTACTS} contacts over ${DAYS} days in ${seedS} s`,
    );
    console.log(`rebuildRollups (whole ${DAYS} days): ${rollupS} s; usage roll-up: ${usageS} s`);
    console.log(`getOverview, ${RUNS} runs after a warm-up (ms):`);
    for (const days of [1, 7, 30, 90].filter((d) => d <= DAYS)) {
      for (const channel of [undefined, "WECHAT"] as const) {
        const input = { from: addDays(today, -(days - 1)), to: today, channel };
        await getOverview(tenantId, input);
        const lat: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const s = performance.now();
          await getOverview(tenantId, input);
          lat.push(performance.now() - s);
        }
        console.log(
          `  ${String(days).padStart(2)} days ${(channel ?? "all").padEnd(6)} p50=${percentile(lat, 50).toFixed(1)} p95=${percentile(lat, 95).toFixed(1)} max=${Math.max(...lat).toFixed(1)}`,
        );
      }
    }
    console.log("the same message/conversation totals from raw rows, no roll-ups (ms, 3 runs):");
    for (const days of [7, 30, 90].filter((d) => d <= DAYS)) {
      const lat: number[] = [];
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        await rawOverviewTotals(await db(), tenantId, new Date(now.getTime() - days * 86_400_000), now);
        lat.push(performance.now() - s);
      }
      console.log(
        `  ${String(days).padStart(2)} days all    p50=${percentile(lat, 50).toFixed(1)} max=${Math.max(...lat).toFixed(1)}`,
      );
    }
  } finally {
    await closeDb();
    if (values.keep) console.log(`kept: ${process.env.DATABASE_URL}`);
    else await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
