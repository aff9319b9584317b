// npm run bench:retrieval -- --kb <kb.jsonl> --queries <queries.jsonl>
// A fresh tenant in a throwaway database (embedded in-memory PGlite, or a new database on the server
// DATABASE_URL names), every kb line imported as a Q&A pair through the import service (its id kept as
// the external id), indexed with the default local embedder, every query run through searchKnowledge.
// The last line is the contract: recall@1=… recall@5=… mrr@10=… p50_ms=… p95_ms=…
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { formatScores, readJsonl, scoreRankings, type TKbEntry, type TQuery } from "./lib/eval-data";
import { openBenchDatabase } from "./lib/bench-database";
import { percentile } from "./lib/throwaway-db";

const { values } = parseArgs({ options: { kb: { type: "string" }, queries: { type: "string" } } });
if (!values.kb || !values.queries) {
  console.error("usage: npm run bench:retrieval -- --kb <kb.jsonl> --queries <queries.jsonl>");
  process.exit(2);
}
const kb = readJsonl<TKbEntry>(values.kb);
const queries = readJsonl<TQuery>(values.queries);

async function main() {
  const database = await openBenchDatabase("kefu_bench");
  const { client } = database;
  const { upsertQaPairs } = await import("../server/services/knowledge/qa/upsert-qa-pairs");
  const { searchKnowledge } = await import("../server/services/knowledge/search/search-knowledge");
  try {
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
    const pct = (p: number) => percentile(latencies, p);
    console.log(
      `${kb.length} Q&A pairs imported in ${ingestS.toFixed(2)} s (${(kb.length / ingestS).toFixed(0)} pairs/s); ${queries.length} queries`,
    );
    const s = scoreRankings(
      rankings,
      queries.map((q) => q.expected_id),
    );
    console.log(`${formatScores(s)} p50_ms=${pct(50).toFixed(1)} p95_ms=${pct(95).toFixed(1)}`);
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
