// Offline retrieval evaluation on a kb/queries pair (the bench:retrieval file contract), in memory:
// the two baselines and Kefu's own retrieval parts (local embedder, keyword side, fusion), for tuning
// without a database. The real benchmark (`npm run bench:retrieval`) goes through the import service,
// the database and searchKnowledge.
// Usage: node --import tsx bench/retrieval-offline.ts --kb bench/data/kb.jsonl --queries bench/data/queries.jsonl
import { parseArgs } from "node:util";
import { cosine, embedLocal } from "../server/services/knowledge/embedding/local-embedder";
import { embedQaLocal } from "../server/services/knowledge/index/qa-embedding";
import { normalizeText } from "../server/services/knowledge/text/normalize";
import { STOPWORDS } from "../server/services/knowledge/text/stopwords";
import { canonicalWord } from "../server/services/knowledge/text/synonyms";
import { cjkBigrams, extractCodes, segmentWords } from "../server/services/knowledge/text/tokenize";
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

function kefuTerms(text: string): string[] {
  const n = normalizeText(text);
  const words = segmentWords(n)
    .filter((w) => !STOPWORDS.has(w))
    .map((w) => canonicalWord(w));
  return [...words, ...extractCodes(n), ...cjkBigrams(n).map((b) => `#${b}`)];
}

/** Q&A indexed whole, the question weighted over the answer. */
function qaVector(e: TKbEntry): Float32Array {
  return embedQaLocal(e.question, e.answer);
}

function rrf(rankings: string[][], weights: number[], k = 60): string[] {
  const score = new Map<string, number>();
  rankings.forEach((ranked, r) =>
    ranked
      .slice(0, 50)
      .forEach((id, pos) => score.set(id, (score.get(id) ?? 0) + weights[r] / (k + pos + 1))),
  );
  return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

const t0 = performance.now();
const bm25Intl = bm25Ranker(kb.map((e) => intlWords(`${e.question} ${e.question} ${e.answer}`)));
const tfidfBigram = tfidfRanker(kb.map((e) => charBigrams(`${e.question} ${e.question} ${e.answer}`)));
const bm25Kefu = bm25Ranker(
  kb.map((e) => [...kefuTerms(e.question), ...kefuTerms(e.question), ...kefuTerms(e.answer)]),
);
const vectors = kb.map((e) => qaVector(e));
const indexMs = performance.now() - t0;

const results: Record<string, string[][]> = {
  "BM25 (Intl.Segmenter words)": [],
  "char-bigram TF-IDF": [],
  "kefu keyword (BM25)": [],
  "kefu local embedder": [],
  "kefu fused (RRF k=60)": [],
};
for (const q of queries) {
  const a = rankIds(ids, bm25Intl(intlWords(q.query)));
  const b = rankIds(ids, tfidfBigram(charBigrams(q.query)));
  const kw = rankIds(ids, bm25Kefu(kefuTerms(q.query)));
  const qv = embedLocal(q.query);
  const vec = rankIds(
    ids,
    vectors.map((v) => cosine(qv, v)),
  );
  results["BM25 (Intl.Segmenter words)"].push(a);
  results["char-bigram TF-IDF"].push(b);
  results["kefu keyword (BM25)"].push(kw);
  results["kefu local embedder"].push(vec);
  results["kefu fused (RRF k=60)"].push(rrf([vec, kw], [1, 1]));
}
console.log(`${kb.length} entries, ${queries.length} queries, indexed in ${indexMs.toFixed(0)} ms`);
for (const [name, rankings] of Object.entries(results))
  console.log(`${name.padEnd(30)} ${formatScores(scoreRankings(rankings, expected))}`);
