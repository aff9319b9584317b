import { z } from "zod";

// The one place that reads process.env. Values are parsed once; callers get a typed object.
// Secrets that are missing in the embedded default are generated and persisted by server/secrets.ts,
// which writes them back into process.env before anything reads them.

const ZBoolish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** postgres(ql)://… (PostgreSQL), prisma://… or prisma+postgres://… (Accelerate), memory:// (throwaway
   *  in-memory PGlite), or unset (embedded PGlite under KEFU_DATA_DIR). */
  DATABASE_URL: z.string().optional(),
  KEFU_DATA_DIR: z.string().default(".kefu"),
  /** a gzip dump of a migrated PGlite data dir to start memory:// databases from (tests) */
  KEFU_PGLITE_SNAPSHOT: z.string().optional(),
  KEFU_MIGRATE_ON_START: z.enum(["0", "1"]).default("1"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** base64 of 32 random bytes; AES-256-GCM key for provider keys and ERP credentials */
  KEFU_ENCRYPTION_KEY: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  REDIS_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Kefu <no-reply@kefu.local>"),
  INNGEST_DEV: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_BASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** trust X-Forwarded-* from a reverse proxy (needed for HSTS and client IPs behind TLS termination) */
  TRUST_PROXY: ZBoolish,
  METRICS_TOKEN: z.string().optional(),
  /** multiplies the per-IP limits of sign-in, sign-up and invitations (an office behind one NAT) */
  KEFU_IP_LIMIT_SCALE: z.coerce.number().int().min(1).max(1000).default(1),
  /** messages a widget visitor may send per minute (an abuse guard at the widget's HTTP edge) */
  KEFU_WIDGET_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** memory for small tenants' search indexes kept in the process (search/memory-index.ts); 0 turns it off */
  KEFU_SEARCH_MEMORY_MB: z.coerce.number().int().min(0).max(65_536).default(64),
  /** set by bin/kefu.mjs: the directory the CLI was invoked from (file arguments are relative to it) */
  KEFU_CLI_CWD: z.string().optional(),
  /** print the schema engine's log while migrating */
  KEFU_MIGRATE_DEBUG: z.string().optional(),
  /** let ERP connections point at loopback/private addresses (on-premise ERPs, tests); off = SSRF guard */
  KEFU_ERP_ALLOW_PRIVATE: ZBoolish,
  /**
   * AI provider URLs may point at loopback/private networks (a self-hosted LLM on the LAN). On by
   * default for the single-company embedded setup; set 0 in a multi-tenant deployment (SSRF guard,
   * server/http/url-guard.ts). Link-local and cloud metadata addresses are refused either way.
   */
  KEFU_ALLOW_PRIVATE_URLS: z
    .enum(["1", "0", "true", "false", "yes", "no", ""])
    .optional()
    .transform((v) => v === undefined || v === "" || v === "1" || v === "true" || v === "yes"),
});

export type TEnv = z.infer<typeof ZEnv>;

const KEY = Symbol.for("kefu.env");
type G = typeof globalThis & { [KEY]?: TEnv };

/** The parsed environment. Re-read with `reloadEnv()` after secrets are filled in at start-up. */
export function env(): TEnv {
  const g = globalThis as G;
  return (g[KEY] ??= parseEnv());
}

export function reloadEnv(): TEnv {
  const g = globalThis as G;
  g[KEY] = parseEnv();
  return g[KEY];
}

function parseEnv(): TEnv {
  const result = ZEnv.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  return result.data;
}

/** Writes a value into the process environment (start-up only: secrets, derived URLs). */
export function setEnvDefault(name: string, value: string): void {
  const vars = process.env as Record<string, string | undefined>;
  if (!vars[name]) vars[name] = value;
}

export type TDatabaseMode = "postgres" | "accelerate" | "pglite" | "memory";

export function databaseMode(url = env().DATABASE_URL): TDatabaseMode {
  if (!url) return "pglite";
  if (/^prisma(\+postgres)?:\/\//.test(url)) return "accelerate";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url === "memory://" || url.startsWith("memory://")) return "memory";
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql://, prisma://, prisma+postgres:// or memory:// (got "${url.split(":")[0]}:…")`,
  );
}

export function isInngestConfigured(): boolean {
  const e = env();
  return Boolean(e.INNGEST_DEV || e.INNGEST_EVENT_KEY);
}
