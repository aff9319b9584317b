// Offline retrieval evaluation on a kb/queries pair (the bench:retrieval file contract), in memory:
// the two baselines and Kefu's own retrieval parts (local embedder, keyword side, fusion), for tuning
// without a database. The real benchmark (`npm run bench:retrieval`) goes through the import service,
// the database and searchKnowledge.
// Usage: node --import tsx bench/retrieval-offline.ts --kb bench/data/kb.jsonl --queries bench/data/queries.jsonl
import { parseArgs } from "node:util";
import { cosine, embedLocal, sketchOf } from "../server/services/knowledge/embedding/local-embedder";
import { embedQaLocal } from "../server/services/knowledge/index/qa-embedding";
import { searchTerms, searchText } from "../server/services/knowledge/index/search-terms";
import { DEFAULT_WEIGHTS, fuse, type TFusionMode } from "../server/services/knowledge/search/fuse";
import { bm25Ranker, charBigrams, intlWords, rankIds, tfidfRanker } from "./lib/baselines";
import { formatScores, readJsonl, scoreRankings, type TKbEntry, type TQuery } from "./lib/eval-data";

const { values } = parseArgs({ options: { kb: { type: "string" }, queries: { type: "string" } } });
if (!values.kb || !values.queries) {
  console.error("usage: --kb <kb.jsonl> --queries <queries.jsonl>");
  process.exit(2);
}
const kb = readJsonl<TKbEntry>(values.kb);
const queries = readJsonl<TQuery>(values.queries);
const ids = kb.map((e) => e.id);
const expected = queries.map((q) => q.expected_id);

// the keyword side's terms exactly as the index stores them (question twice, then the answer)
const kbTerms = kb.map((e) => searchText([{ text: e.question, repeat: 2 }, { text: e.answer }]).split(" "));

/** Q&A indexed whole, the question weighted over the answer. */
function qaVector(e: TKbEntry): Float32Array {
  return embedQaLocal(e.question, e.answer);
}

/** The service's fusion over the same candidate union searchKnowledge builds (40 vector + 60 keyword). */
function kefuFused(
  vecScores: number[],
  sketchScores: number[],
  kwScores: number[],
  terms: string[],
  mode: TFusionMode,
): string[] {
  // as in the database: vector candidates from the 256-d sketch index, scored with the full vector
  const vec = rankIds(ids, sketchScores)
    .slice(0, 60)
    .sort((a, b) => vecScores[ids.indexOf(b)] - vecScores[ids.indexOf(a)]);
  const kw = rankIds(ids, kwScores)
    .filter((id) => kwScores[ids.indexOf(id)] > 0)
    .slice(0, 60);
  const candidates = [...new Set([...vec, ...kw])].map((id) => {
    const i = ids.indexOf(id);
    const have = new Set(kbTerms[i]);
    const matched = new Set(terms).size ? terms.filter((t) => have.has(t)).length / terms.length : 0;
    return { id, vectorSim: vecScores[i], bm25: kwScores[i], coverage: matched };
  });
  return fuse(candidates, vec, kw, { ...DEFAULT_WEIGHTS, mode }).map((f) => f.id);
}

const t0 = performance.now();
const bm25Intl = bm25Ranker(kb.map((e) => intlWords(`${e.question} ${e.question} ${e.answer}`)));
const tfidfBigram = tfidfRanker(kb.map((e) => charBigrams(`${e.question} ${e.question} ${e.answer}`)));
const bm25Kefu = bm25Ranker(kbTerms);
const vectors = kb.map((e) => qaVector(e));
const sketches = vectors.map((v) => sketchOf(v));
const indexMs = performance.now() - t0;

const results: Record<string, string[][]> = {
  "BM25 (Intl.Segmenter words)": [],
  "char-bigram TF-IDF": [],
  "kefu keyword (BM25)": [],
  "kefu local embedder": [],
  "kefu fused (RRF k=60)": [],
  "kefu fused (score, default)": [],
};
for (const q of queries) {
  const a = rankIds(ids, bm25Intl(intlWords(q.query)));
  const b = rankIds(ids, tfidfBigram(charBigrams(q.query)));
  const terms = [...new Set(searchTerms(q.query))];
  const kwScores = bm25Kefu(terms);
  const kw = rankIds(ids, kwScores);
  const qv = embedLocal(q.query);
  const vecScores = vectors.map((v) => cosine(qv, v));
  const qs = sketchOf(qv);
  const sketchScores = sketches.map((v) => cosine(qs, v));
  const vec = rankIds(ids, vecScores);
  results["BM25 (Intl.Segmenter words)"].push(a);
  results["char-bigram TF-IDF"].push(b);
  results["kefu keyword (BM25)"].push(kw);
  results["kefu local embedder"].push(vec);
  results["kefu fused (RRF k=60)"].push(kefuFused(vecScores, sketchScores, kwScores, terms, "rrf"));
  results["kefu fused (score, default)"].push(kefuFused(vecScores, sketchScores, kwScores, terms, "score"));
}
console.log(`${kb.length} entries, ${queries.length} queries, indexed in ${indexMs.toFixed(0)} ms`);
for (const [name, rankings] of Object.entries(results))
  console.log(`${name.padEnd(30)} ${formatScores(scoreRankings(rankings, expected))}`);
