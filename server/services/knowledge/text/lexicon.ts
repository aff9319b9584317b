/** A tenant's custom dictionary (terms kept whole) and synonym map (word → canonical word). */
export type TLexicon = { dictionary?: ReadonlySet<string>; synonyms?: ReadonlyMap<string, string> };
