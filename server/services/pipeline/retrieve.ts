import type { TContextWindow } from "../conversations/context/window";
import { searchKnowledge, type TSearchHit } from "../knowledge/search/search-knowledge";
import type { TPipelineConfig } from "./config-cache";

// Retrieval for the pipeline. A short follow-up ("那7kW的呢？") carries little on its own: when the
// message alone finds nothing convincing and the window holds an earlier customer turn on the same
// topic, the search is repeated with that turn prepended, and the better result is used.

const CONVINCING = 0.55;
const SHORT = 12;

export async function retrieve(
  tenantId: string,
  text: string,
  window: TContextWindow,
  config: Pick<TPipelineConfig, "retrieval" | "embedder">,
): Promise<TSearchHit[]> {
  const opts = { settings: config.retrieval, embedder: config.embedder };
  const { hits } = await searchKnowledge({ tenantId, query: text, topK: 5 }, opts);
  if ((hits[0]?.score ?? 0) >= CONVINCING || text.length > SHORT) return hits;
  const previous = [...window.messages].reverse().find((m) => m.role === "CUSTOMER");
  if (!previous) return hits;
  const withContext = await searchKnowledge(
    { tenantId, query: `${previous.content} ${text}`.slice(0, 2000), topK: 5 },
    opts,
  );
  return (withContext.hits[0]?.score ?? 0) > (hits[0]?.score ?? 0) ? withContext.hits : hits;
}
