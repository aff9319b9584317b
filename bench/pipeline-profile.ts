// node --import tsx bench/pipeline-profile.ts [-- --messages 200]
// Where a knowledge-only message's time goes: messages are sent one after another straight into the
// pipeline (no HTTP), every SQL statement is counted and timed at the pg driver, and the statements are
// grouped by their first words. Prints statements per message, time per message and the groups that
// cost most. Database as bench/pipeline.ts (a throwaway PostgreSQL database, else PGlite).
import { parseArgs } from "node:util";
import pg from "pg";
import { readJsonl, type TKbEntry, type TQuery } from "./lib/eval-data";
import { openBenchDatabase } from "./lib/bench-database";
import { percentile } from "./lib/throwaway-db";

const { values } = parseArgs({
  options: { messages: { type: "string", default: "200" }, explain: { type: "boolean", default: false } },
});
const MESSAGES = Number(values.messages);
const kb = readJsonl<TKbEntry>("bench/data/kb.jsonl");
const queries = readJsonl<TQuery>("bench/data/queries.jsonl").map((q) => q.query);

type TStat = { count: number; ms: number };
const stats = new Map<string, TStat>();
let counting = false;
let statements = 0;
/** one sample (text and parameters) per statement group, for --explain */
const samples = new Map<string, { text: string; values: unknown[] }>();

/** A statement's group: its first words, with identifiers kept and values dropped. */
function groupOf(sql: string): string {
  return sql.replace(/\s+/g, " ").trim().slice(0, 90);
}

// every statement of the Prisma pg adapter goes through Pool#query (outside transactions) or a pooled
// Client#query (inside them); Pool#query hands its client a callback, which is not counted twice
type TQueryFn = (...args: unknown[]) => unknown;
function counted(original: TQueryFn): TQueryFn {
  return function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "?");
    const started = performance.now();
    const result = original.apply(this, args);
    if (counting && result && typeof (result as Promise<unknown>).then === "function") {
      statements++;
      const key = groupOf(text);
      const params = typeof first === "string" ? args[1] : (first as { values?: unknown }).values;
      const sampleKey = text.trim().startsWith("SELECT c.id")
        ? text.includes("tsv @@")
          ? "keyword"
          : "vector"
        : key;
      if (!samples.has(sampleKey))
        samples.set(sampleKey, { text, values: Array.isArray(params) ? params : [] });
      void (result as Promise<unknown>)
        .catch(() => undefined)
        .finally(() => {
          const s = stats.get(key) ?? { count: 0, ms: 0 };
          s.count++;
          s.ms += performance.now() - started;
          stats.set(key, s);
        });
    }
    return result;
  };
}
const proto = (c: unknown) => c as { query: TQueryFn };
proto(pg.Client.prototype).query = counted(proto(pg.Client.prototype).query);
proto(pg.Pool.prototype).query = counted(proto(pg.Pool.prototype).query);

/** EXPLAIN ANALYZE of the search's two candidate statements, with the parameters of a real message. */
async function explainSearch() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    // a freshly imported knowledge base has no planner statistics yet; then with them (ANALYZE)
    for (const when of ["before ANALYZE", "after ANALYZE"]) {
      if (when === "after ANALYZE") await c.query(`ANALYZE "KnowledgeChunk", "QaPair"`);
      for (const kind of ["vector", "keyword"]) {
        const sample = samples.get(kind);
        if (!sample) continue;
        const plan = await c.query({
          text: `EXPLAIN (ANALYZE, COSTS OFF) ${sample.text}`,
          values: sample.values,
        });
        console.log(`\n${kind} candidates, ${when}:`);
        for (const row of plan.rows as { "QUERY PLAN": string }[])
          console.log(`  ${row["QUERY PLAN"].replace(/'\[[^\]]{60,}\]'/g, "'[…]'")}`);
      }
    }
  } finally {
    await c.end();
  }
}

async function main() {
  const database = await openBenchDatabase("kefu_bench_profile");
  const { upsertQaPairs } = await import("../server/services/knowledge/qa/upsert-qa-pairs");
  const { processIncomingMessage } = await import("../server/services/pipeline/process-message");
  const { searchKnowledge } = await import("../server/services/knowledge/search/search-knowledge");
  try {
    const client = database.client;
    const tenant = await client.tenant.create({ data: { name: "profile", slug: `profile-${Date.now()}` } });
    await client.rule.create({
      data: {
        tenantId: tenant.id,
        type: "WORKING_HOURS",
        name: "open",
        config: {
          schedule: Object.fromEntries(
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ["00:00-24:00"]]),
          ),
        },
      },
    });
    await upsertQaPairs(
      tenant.id,
      kb.map((e) => ({ externalId: e.id, question: e.question, answer: e.answer })),
    );
    const send = (i: number) =>
      processIncomingMessage({
        tenantId: tenant.id,
        channel: "API",
        externalId: `api:p-${i}`,
        contact: { externalId: `customer-${Math.abs(i) % 50}` },
        text: queries[Math.abs(i) % queries.length],
      });
    for (let i = 0; i < 30; i++) await send(-1 - i); // warm-up
    counting = true;
    const times: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const t = performance.now();
      await send(i);
      times.push(performance.now() - t);
    }
    counting = false;
    const perMessage = statements / MESSAGES;
    const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
    console.log(
      `${MESSAGES} messages sequentially: p50=${percentile(times, 50).toFixed(1)} ms ` +
        `p95=${percentile(times, 95).toFixed(1)} ms; ${perMessage.toFixed(1)} SQL statements per message`,
    );
    for (const [sql, s] of rows)
      console.log(
        `${(s.count / MESSAGES).toFixed(2).padStart(6)}/msg ${(s.ms / s.count).toFixed(2).padStart(7)} ms  ${sql}`,
      );
    const searchTimes: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const t = performance.now();
      await searchKnowledge({ tenantId: tenant.id, query: queries[i % queries.length], topK: 5 });
      searchTimes.push(performance.now() - t);
    }
    if (values.explain) await explainSearch();
    console.log(
      `searchKnowledge alone: p50=${percentile(searchTimes, 50).toFixed(1)} ms p95=${percentile(searchTimes, 95).toFixed(1)} ms`,
    );
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
