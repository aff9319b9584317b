// The dictionary and synonym inputs take words one per line or separated by commas (ASCII or
// Chinese punctuation). The rules mirror ZTerm in server/services/knowledge/lexicon/manage-lexicon.ts,
// checked here first so every problem is shown next to the field before anything is sent.

export const TERM_MAX = 40;
export const TERMS_PER_ADD = 500;
export const SYNONYMS_MAX = 30;

export type TTermProblem =
  { kind: "space"; term: string } | { kind: "tooLong"; term: string } | { kind: "tooMany"; max: number };

export function parseTerms(
  input: string,
  max = TERMS_PER_ADD,
): { terms: string[]; problems: TTermProblem[] } {
  const seen = new Set<string>();
  const problems: TTermProblem[] = [];
  for (const raw of input.split(/[\n\r,，、;；]+/)) {
    const term = raw.normalize("NFKC").trim();
    if (!term) continue;
    if (/\s/u.test(term)) problems.push({ kind: "space", term });
    else if ([...term].length > TERM_MAX) problems.push({ kind: "tooLong", term });
    else seen.add(term);
  }
  if (seen.size > max) problems.push({ kind: "tooMany", max });
  return { terms: [...seen], problems };
}
