// npm run bench:retrieval-scale [-- --chunks 100000 --tenants 10 --queries 200]
// Ten tenants in a throwaway database (a new database on DATABASE_URL's server, else in-memory PGlite);
// one holds --chunks Q&A chunks, the others a few hundred each. Prints ingest throughput for the big
// tenant and p50/p95 search latency for the big tenant and a small one. Text is synthesised from
// bench/data/kb.jsonl with varied products, numbers and phrasing, so segmentation and the index see
// realistic Chinese rather than random tokens.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { readJsonl, type TKbEntry, type TQuery } from "./lib/eval-data";
import { openBenchDatabase } from "./lib/bench-database";
import { percentile } from "./lib/throwaway-db";

const { values } = parseArgs({
  options: {
    chunks: { type: "string", default: "100000" },
    tenants: { type: "string", default: "10" },
    queries: { type: "string", default: "200" },
  },
});
const BIG = Number(values.chunks);
const TENANTS = Number(values.tenants);
const QUERIES = Number(values.queries);

const kb = readJsonl<TKbEntry>("bench/data/kb.jsonl");
const queries = readJsonl<TQuery>("bench/data/queries.jsonl").map((q) => q.query);
const PRODUCTS = ["KF-7A", "KF-11B", "KF-21C", "蓝鲸系列", "青竹款", "旗舰版", "标准版", "便携款"];
const PLACES = ["上海", "杭州", "成都", "广州", "北京", "西安", "武汉", "南京"];

function synth(i: number): { externalId: string; question: string; answer: string } {
  const e = kb[i % kb.length];
  const p = PRODUCTS[(i >> 3) % PRODUCTS.length];
  const c = PLACES[(i >> 6) % PLACES.length];
  return {
    externalId: `s-${i}`,
    question: `${p} ${e.question}（${c}，编号 ${i}）`,
    answer: `${e.answer} 适用于${c}地区的${p}，参考编号 ${i}。`,
  };
}

async function main() {
  const database = await openBenchDatabase("kefu_scale");
  const { client } = database;
  const { upsertQaPairs } = await import("../server/services/knowledge/qa/upsert-qa-pairs");
  const { searchKnowledge } = await import("../server/services/knowledge/search/search-knowledge");
  try {
    const tenants = [];
    for (let t = 0; t < TENANTS; t++) {
      tenants.push(
        await client.tenant.create({
          data: { name: `Scale ${t}`, slug: `scale-${t}-${randomBytes(3).toString("hex")}` },
        }),
      );
    }
    for (const small of tenants.slice(1))
      await upsertQaPairs(
        small.id,
        kb.map((e) => ({ externalId: e.id, question: e.question, answer: e.answer })),
      );

    const t0 = performance.now();
    const STEP = 5000;
    for (let i = 0; i < BIG; i += STEP) {
      await upsertQaPairs(
        tenants[0].id,
        Array.from({ length: Math.min(STEP, BIG - i) }, (_, k) => synth(i + k)),
        { source: "IMPORT" },
      );
      process.stderr.write(`\r  ingested ${Math.min(BIG, i + STEP)}/${BIG}`);
    }
    const ingestS = (performance.now() - t0) / 1000;
    process.stderr.write("\n");
    // searches are measured in the steady state, not while autovacuum works through the fresh rows
    // (its HNSW and GIN passes take the CPU for minutes on 2 cores): vacuum once, as it would
    const v0 = performance.now();
    if (database.label === "PostgreSQL")
      await client.$executeRawUnsafe(`VACUUM (ANALYZE) "KnowledgeChunk", "QaPair", "KnowledgeTermStat"`);
    const vacuumS = (performance.now() - v0) / 1000;

    const measure = async (tenantId: string) => {
      const lat: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const s = performance.now();
        await searchKnowledge({ tenantId, query: queries[i % queries.length], topK: 5 });
        lat.push(performance.now() - s);
      }
      return lat;
    };
    await measure(tenants[0].id); // warm-up pass
    const big = await measure(tenants[0].id);
    const small = await measure(tenants[1].id);
    console.log(
      `ingest: ${BIG} chunks in ${ingestS.toFixed(1)} s = ${(BIG / ingestS).toFixed(0)} chunks/s (Q&A pairs, local embedder); vacuum afterwards ${vacuumS.toFixed(1)} s`,
    );
    console.log(
      `search big tenant (${BIG} chunks): p50_ms=${percentile(big, 50).toFixed(1)} p95_ms=${percentile(big, 95).toFixed(1)}`,
    );
    console.log(
      `search small tenant (${kb.length} chunks, ${TENANTS} tenants in all): p50_ms=${percentile(small, 50).toFixed(1)} p95_ms=${percentile(small, 95).toFixed(1)}`,
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
