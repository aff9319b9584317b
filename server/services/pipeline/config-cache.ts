import { db } from "../../db/client";
import { notFound } from "../../errors";
import { parseBotSettings, type TBotSettings } from "../bot/bot-settings";
import { embedderFromChain, type TEmbedder } from "../knowledge/embedding/tenant-embedder";
import { parseRetrievalSettings, type TRetrievalSettings } from "../knowledge/search/retrieval-settings";
import { loadProviderChain } from "../providers/load-provider-chain";
import type { TProviderConfigInput } from "../providers/provider-config";
import { loadRuleSet } from "../rules/manage-rules";
import type { TRuleSet } from "../rules/rule-schemas";
import { parseEscalationSettings } from "../support-settings/escalation-settings";
import { onTenantConfigChanged } from "../tenant-config/invalidate";

// Everything about a tenant the pipeline reads for every message — language, bot and retrieval
// settings, escalation settings, the rule set, the chat provider chain and the embedder — loaded in
// one go and kept per process for a few seconds. Without it a message cost ~7 extra statements.
// Saves invalidate it at once (tenant-config/invalidate.ts), here and on the other instances; the TTL
// only bounds what a write that bypasses the services (a manual SQL fix) can leave stale.
// The objects are shared between messages: callers must not mutate them.

export const CONFIG_TTL_MS = 5_000;

export type TPipelineConfig = {
  language: string | null;
  bot: TBotSettings;
  retrieval: TRetrievalSettings;
  vipDirectToHuman: boolean;
  ruleSet: TRuleSet;
  chatProviders: TProviderConfigInput[];
  embedder: TEmbedder;
};

const KEY = Symbol.for("kefu.pipeline-config");
type TEntry = { at: number; config: Promise<TPipelineConfig> };
type G = typeof globalThis & { [KEY]?: Map<string, TEntry> };

function cache(): Map<string, TEntry> {
  const g = globalThis as G;
  if (g[KEY]) return g[KEY];
  const entries = new Map<string, TEntry>();
  g[KEY] = entries;
  onTenantConfigChanged((tenantId) => entries.delete(tenantId));
  return entries;
}

async function load(tenantId: string): Promise<TPipelineConfig> {
  const client = await db();
  const [tenant, { ruleSet }, chatProviders, embeddingProviders] = await Promise.all([
    client.tenant.findUnique({ where: { id: tenantId }, select: { language: true, settings: true } }),
    loadRuleSet(tenantId),
    loadProviderChain(tenantId, "CHAT"),
    loadProviderChain(tenantId, "EMBEDDING"),
  ]);
  if (!tenant) throw notFound("Tenant");
  return {
    language: tenant.language,
    bot: parseBotSettings(tenant.settings),
    retrieval: parseRetrievalSettings(tenant.settings),
    vipDirectToHuman: parseEscalationSettings(tenant.settings).vipDirectToHuman,
    ruleSet,
    chatProviders,
    embedder: embedderFromChain(tenantId, embeddingProviders),
  };
}

/** The tenant's pipeline configuration, at most CONFIG_TTL_MS old unless a save invalidated it. */
export function pipelineConfig(tenantId: string): Promise<TPipelineConfig> {
  const entries = cache();
  const hit = entries.get(tenantId);
  if (hit && Date.now() - hit.at < CONFIG_TTL_MS) return hit.config;
  const entry = { at: Date.now(), config: load(tenantId) };
  entries.set(tenantId, entry);
  // a failed load is not cached; an invalidation during the load already removed the entry
  entry.config.catch(() => {
    if (entries.get(tenantId) === entry) entries.delete(tenantId);
  });
  return entry.config;
}
