import type { TLexicon } from "../text/lexicon";
import { searchText } from "./search-terms";

// What a document chunk is indexed by, in one place: the ingest job, a tenant re-index and a manual
// chunk edit must agree, or an edited chunk would rank differently from a parsed one.

type TDocChunk = { heading?: string | null; content: string };

/** The text a document chunk's embedding is computed from. */
export function documentChunkEmbedText(c: TDocChunk): string {
  return [c.heading, c.content].filter(Boolean).join("\n");
}

/** The keyword terms of a document chunk (the heading counts twice, like a Q&A question). */
export function documentChunkSearchText(c: TDocChunk, lexicon: TLexicon): string {
  return searchText([{ text: c.heading ?? "", repeat: 2 }, { text: c.content }], lexicon);
}
