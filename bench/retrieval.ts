// npm run bench:retrieval -- --kb <kb.jsonl> --queries <queries.jsonl>
// A fresh tenant in a throwaway database (embedded in-memory PGlite, or a new database on the server
// DATABASE_URL names), every kb line imported as a Q&A pair through the import service (its id kept as
// the external id), indexed with the default local embedder, every query run through searchKnowledge.
// The last line is the contract: recall@1=… recall@5=… mrr@10=… p50_ms=… p95_ms=…
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { formatScores, readJsonl, scoreRankings, type TKbEntry, type TQuery } from "./lib/eval-data";

const { values } = parseArgs({ options: { kb: { type: "string" }, queries: { type: "string" } } });
if (!values.kb || !values.queries) {
  console.error("usage: npm run bench:retrieval -- --kb <kb.jsonl> --queries <queries.jsonl>");
  process.exit(2);
}
const kb = readJsonl<TKbEntry>(values.kb);
const queries = readJsonl<TQuery>(values.queries);

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  let dropDb: (() => Promise<void>) | null = null;
  process.env.LOG_LEVEL = "silent";
  if (serverUrl && /^postgres(ql)?:\/\//.test(serverUrl)) {
    const name = `kefu_bench_${randomBytes(5).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    process.env.DATABASE_URL = u.toString();
    dropDb = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    process.env.DATABASE_URL = "memory://";
  }
  const { installMigrator, migratePostgresOnStart } = await import("../server/db/migrator/install");
  const { closeDb, db } = await import("../server/db/client");
  const { upsertQaPairs } = await import("../server/services/knowledge/qa/upsert-qa-pairs");
  const { searchKnowledge } = await import("../server/services/knowledge/search/search-knowledge");
  try {
    installMigrator();
    await db();
    await migratePostgresOnStart();
    const client = await db();
    const tenant = await client.tenant.create({
      data: { name: "Retrieval bench", slug: `bench-${randomBytes(4).toString("hex")}` },
    });

    const t0 = performance.now();
    await upsertQaPairs(
      tenant.id,
      kb.map((e) => ({ externalId: e.id, question: e.question, answer: e.answer })),
      { source: "IMPORT" },
    );
    const ingestS = (performance.now() - t0) / 1000;
    const pairs = await client.qaPair.findMany({
      where: { tenantId: tenant.id },
      select: { id: true, externalId: true },
    });
    const externalOf = new Map(pairs.map((p) => [p.id, p.externalId!]));

    await searchKnowledge({ tenantId: tenant.id, query: "预热", topK: 10 }); // warm caches and the segmenter
    const rankings: string[][] = [];
    const latencies: number[] = [];
    for (const q of queries) {
      const s = performance.now();
      const { hits } = await searchKnowledge({ tenantId: tenant.id, query: q.query, topK: 10 });
      latencies.push(performance.now() - s);
      rankings.push(hits.map((h) => externalOf.get(h.qaPairId ?? "") ?? ""));
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    console.log(
      `${kb.length} Q&A pairs imported in ${ingestS.toFixed(2)} s (${(kb.length / ingestS).toFixed(0)} pairs/s); ${queries.length} queries`,
    );
    const s = scoreRankings(
      rankings,
      queries.map((q) => q.expected_id),
    );
    console.log(`${formatScores(s)} p50_ms=${pct(50).toFixed(1)} p95_ms=${pct(95).toFixed(1)}`);
  } finally {
    await closeDb();
    await dropDb?.();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
