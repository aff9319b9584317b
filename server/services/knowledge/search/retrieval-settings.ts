import { z } from "zod";
import { db } from "../../../db/client";
import type { TFusionWeights } from "./fuse";

// A tenant's retrieval settings live in Tenant.settings.retrieval; anything missing or invalid falls
// back to the defaults (a bad stored value must never break search).

export const ZRetrievalSettings = z.object({
  vectorWeight: z.number().min(0).max(10).default(1.5),
  keywordWeight: z.number().min(0).max(10).default(1),
  fusion: z.enum(["score", "rrf"]).default("score"),
  directAnswerThreshold: z.number().min(0.5).max(1).default(0.9),
});
export type TRetrievalSettings = z.infer<typeof ZRetrievalSettings>;

export const DEFAULT_RETRIEVAL: TRetrievalSettings = ZRetrievalSettings.parse({});

export function parseRetrievalSettings(settings: unknown): TRetrievalSettings {
  const raw = (settings as { retrieval?: unknown } | null)?.retrieval;
  const parsed = ZRetrievalSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_RETRIEVAL;
}

export async function loadRetrievalSettings(tenantId: string): Promise<TRetrievalSettings> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return parseRetrievalSettings(tenant?.settings);
}

export function fusionWeights(s: TRetrievalSettings): TFusionWeights {
  return { vector: s.vectorWeight, keyword: s.keywordWeight, mode: s.fusion };
}
