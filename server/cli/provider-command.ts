import { z } from "zod";
import { emit } from "../../inngest/emit";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../db/client";
import { AppError } from "../errors";
import { DEFAULT_BASE_URLS } from "../services/providers/provider-config";
import { createProvider, embedderSignature, listProviders } from "../services/providers/manage-providers";
import { ensureSecrets } from "../startup-secrets";
import { parseFlags } from "./args";

const USAGE = `kefu provider add --tenant <slug> --type <type> --model <model> [--api-key <key>] [--base-url <url>]
                  [--priority <n>] [--purpose chat|embedding] [--dim <n>] [--name <name>]
  Adds an AI provider to the tenant's chain (--priority 1 = tried first; default: last). The key is
  stored encrypted. Types: ${"openai deepseek anthropic moonshot qwen gemini ernie openai-compatible"}.
  --dim (8–4096) is required for --purpose embedding; --base-url for openai-compatible.
kefu provider list --tenant <slug>
  Lists the tenant's providers in chain order (keys are never printed).`;

const TYPES = {
  openai: "OPENAI",
  deepseek: "DEEPSEEK",
  anthropic: "ANTHROPIC",
  moonshot: "MOONSHOT",
  qwen: "QWEN",
  gemini: "GEMINI",
  ernie: "ERNIE",
  "openai-compatible": "OPENAI_COMPATIBLE",
} as const;

const ZInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ZAdd = z.object({
  tenant: z.string().min(1),
  type: z.enum(Object.keys(TYPES) as [keyof typeof TYPES, ...(keyof typeof TYPES)[]], {
    message: `Use one of: ${Object.keys(TYPES).join(", ")}`,
  }),
  model: z.string().trim().min(1),
  "api-key": z.string().trim().min(1).optional(),
  "base-url": z.string().trim().min(1).optional(),
  priority: ZInt(1, 1000).optional(),
  purpose: z.enum(["chat", "embedding"]).default("chat"),
  dim: ZInt(8, 4096).optional(),
  name: z.string().trim().min(1).max(60).optional(),
});

export async function providerCommand(argv: string[]): Promise<number> {
  const sub = argv[0];
  if ((sub !== "add" && sub !== "list") || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  if (sub === "list") return list(argv.slice(1));
  const flags = parseFlags(
    argv.slice(1),
    ["tenant", "type", "model", "api-key", "base-url", "priority", "purpose", "dim", "name"],
    ZAdd,
  );
  if (!flags.ok) return fail(`${flags.error}\n\n${USAGE}`, 2);
  const f = flags.value;
  const tenantId = await tenantIdOf(f.tenant);
  if (!tenantId) return fail(`No tenant with slug "${f.tenant}".`, 1);
  ensureSecrets(); // the same key the server uses (generated once in the data dir when not configured)
  const before = await embedderSignature(tenantId);
  try {
    const p = await createProvider(tenantId, null, {
      kind: TYPES[f.type],
      purpose: f.purpose === "embedding" ? "EMBEDDING" : "CHAT",
      model: f.model,
      name: f.name,
      apiKey: f["api-key"],
      baseUrl: f["base-url"],
      embeddingDim: f.dim,
      position: f.priority === undefined ? undefined : f.priority - 1,
    });
    console.log(
      `Added ${p.purpose === "EMBEDDING" ? "embedding" : "chat"} provider "${p.name}" (${p.kind}, ${p.model}, id ${p.id}) at position ${p.position + 1}${p.hasKey ? `, key …${p.keyLast4 ?? ""}` : ", no key"}.`,
    );
  } catch (e) {
    if (e instanceof AppError) return fail(`--${flagOf(e.field)}: ${e.message}`, 2);
    if (e instanceof z.ZodError)
      return fail(e.issues.map((i) => `--${flagOf(i.path.join("."))}: ${i.message}`).join("\n"), 2);
    throw e;
  }
  if ((await embedderSignature(tenantId)) !== before) {
    await emit("kefu/knowledge.reindex-requested", { tenantId, reason: "embedder" });
    await drainInProcessJobs(); // in-process jobs must finish before the CLI closes the database
    console.log("The knowledge base was queued for re-indexing with the new embedding model.");
  }
  return 0;
}

async function list(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, ["tenant"], z.object({ tenant: z.string().min(1) }));
  if (!flags.ok) return fail(`${flags.error}\n\n${USAGE}`, 2);
  const tenantId = await tenantIdOf(flags.value.tenant);
  if (!tenantId) return fail(`No tenant with slug "${flags.value.tenant}".`, 1);
  const providers = await listProviders(tenantId);
  if (!providers.length) {
    console.log("No providers: knowledge-base answers only, local embeddings.");
    return 0;
  }
  for (const p of providers) {
    const base = p.baseUrl ?? DEFAULT_BASE_URLS[p.kind] ?? "";
    console.log(
      [
        p.purpose.toLowerCase().padEnd(9),
        String(p.position + 1).padStart(2),
        p.enabled ? "on " : "off",
        p.name,
        `${p.kind} ${p.model}`,
        base,
        p.hasKey ? "key set" : "no key",
        p.embeddingDim ? `dim ${p.embeddingDim}` : "",
      ]
        .filter(Boolean)
        .join("  "),
    );
  }
  return 0;
}

async function tenantIdOf(slug: string): Promise<string | null> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { slug }, select: { id: true } });
  return tenant?.id ?? null;
}

const FLAG_OF: Record<string, string> = {
  baseUrl: "base-url",
  embeddingDim: "dim",
  apiKey: "api-key",
  kind: "type",
  position: "priority",
};
const flagOf = (field: string | undefined) => (field ? (FLAG_OF[field] ?? field) : "input");

function fail(message: string, code: number): number {
  console.error(message);
  return code;
}
