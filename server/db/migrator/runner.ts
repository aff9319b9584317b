import type { TMigrationFactory } from "./adapters";
import { loadSchemaEngine, NO_FILTERS, schemaFiles } from "./engine";
import { cleanGeneratedScript, loadMigrations, writeMigration } from "./migration-files";

// What `prisma migrate deploy | dev | diff` do, on the Wasm engine with a driver adapter.
// The Wasm build's createMigration cannot reach a shadow database (it only supports one through the
// adapter factory in `diff`), so new migrations are generated with `diff` from the replayed history
// to schema.prisma and written in the standard layout.

type TEngine = Awaited<ReturnType<typeof loadSchemaEngine>>;

async function withEngine<T>(factory: TMigrationFactory, fn: (e: TEngine) => Promise<T>): Promise<T> {
  const engine = await loadSchemaEngine(factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await factory.close();
  }
}

async function apply(engine: TEngine): Promise<string[]> {
  const out = await engine.applyMigrations({ migrationsList: loadMigrations(), filters: NO_FILTERS });
  return out.appliedMigrationNames;
}

async function rawHistoryToSchemaScript(engine: TEngine, schema?: string): Promise<string> {
  const out = await engine.diff({
    from: { tag: "migrations", ...loadMigrations() },
    to: { tag: "schemaDatamodel", ...schemaFiles(schema) },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  return out.stdout ?? "";
}

async function historyToSchemaScript(engine: TEngine): Promise<{ script: string; meaningful: boolean }> {
  return cleanGeneratedScript(await rawHistoryToSchemaScript(engine));
}

/** Applies every pending migration (like `prisma migrate deploy`). Returns the names applied. */
export function deployMigrations(factory: TMigrationFactory): Promise<string[]> {
  return withEngine(factory, apply);
}

export type TCreateResult = { file: string | null; applied: string[] };

/** Generates a migration for what schema.prisma adds to the history; applies it unless createOnly. */
export function createMigration(
  factory: TMigrationFactory,
  opts: { name: string; createOnly?: boolean; now?: Date },
): Promise<TCreateResult> {
  return withEngine(factory, async (engine) => {
    const applied = opts.createOnly ? [] : await apply(engine);
    const { script, meaningful } = await historyToSchemaScript(engine);
    if (!meaningful) return { file: null, applied };
    const file = writeMigration(`${timestamp(opts.now ?? new Date())}_${opts.name}`, script);
    if (!opts.createOnly) applied.push(...(await apply(engine)));
    return { file, applied };
  });
}

/** The SQL a schema (schema.prisma by default) still needs on top of the history ("" when they agree). */
export function pendingDiff(
  factory: TMigrationFactory,
  opts: { schema?: string; raw?: boolean } = {},
): Promise<string> {
  return withEngine(factory, async (engine) => {
    const raw = await rawHistoryToSchemaScript(engine, opts.schema);
    if (opts.raw) return raw;
    const { script, meaningful } = cleanGeneratedScript(raw);
    return meaningful ? script : "";
  });
}

function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
