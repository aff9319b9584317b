import fs from "node:fs";

// The evaluation contract's files: kb lines {"id","question","answer"}, query lines {"query","expected_id"}.
export type TKbEntry = { id: string; question: string; answer: string };
export type TQuery = { query: string; expected_id: string };

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

/** recall@1, recall@5 and MRR@10 of ranked id lists against the expected ids. */
export function scoreRankings(rankings: string[][], expected: string[]) {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  rankings.forEach((ranked, i) => {
    const pos = ranked.indexOf(expected[i]);
    if (pos === 0) r1++;
    if (pos >= 0 && pos < 5) r5++;
    if (pos >= 0 && pos < 10) mrr += 1 / (pos + 1);
  });
  const n = Math.max(1, rankings.length);
  return { recall1: r1 / n, recall5: r5 / n, mrr10: mrr / n };
}

export function formatScores(s: { recall1: number; recall5: number; mrr10: number }): string {
  return `recall@1=${s.recall1.toFixed(4)} recall@5=${s.recall5.toFixed(4)} mrr@10=${s.mrr10.toFixed(4)}`;
}
