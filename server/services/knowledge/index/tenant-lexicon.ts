import { db } from "../../../db/client";
import type { TLexicon } from "../text/lexicon";
import { buildSynonymMap } from "../text/synonyms";

// A tenant's custom dictionary and synonym groups, as index and query time apply them. Cached per
// process for a short while (every search needs it); edits in this process drop the entry at once,
// other instances see them within the TTL.

const TTL_MS = 30_000;
const KEY = Symbol.for("kefu.tenant-lexicon");
type TEntry = { at: number; lexicon: Promise<Required<TLexicon>> };
type G = typeof globalThis & { [KEY]?: Map<string, TEntry> };

function cache(): Map<string, TEntry> {
  const g = globalThis as G;
  return (g[KEY] ??= new Map());
}

async function load(tenantId: string): Promise<Required<TLexicon>> {
  const client = await db();
  const [terms, groups] = await Promise.all([
    client.dictionaryTerm.findMany({ where: { tenantId }, select: { term: true } }),
    client.synonymGroup.findMany({ where: { tenantId }, select: { terms: true } }),
  ]);
  const synonyms = buildSynonymMap(groups.map((g) => g.terms));
  // synonym words must also survive segmentation as single tokens
  const dictionary = new Set([...terms.map((t) => t.term), ...groups.flatMap((g) => g.terms)]);
  return { dictionary, synonyms };
}

export function loadTenantLexicon(tenantId: string): Promise<Required<TLexicon>> {
  const entries = cache();
  const hit = entries.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.lexicon;
  const lexicon = load(tenantId);
  entries.set(tenantId, { at: Date.now(), lexicon });
  lexicon.catch(() => entries.delete(tenantId));
  return lexicon;
}

export function forgetTenantLexicon(tenantId: string): void {
  cache().delete(tenantId);
}
