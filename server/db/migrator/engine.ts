import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { env } from "../../env";
import { SCHEMA_PATH } from "./migration-files";

// Loads Prisma's schema engine compiled to Wasm (from npm) instead of the native binary the CLI would
// download. The package's own entry imports the .wasm as an ES module, which Node 20 cannot, so the
// module is instantiated by hand with the generated JS glue.

type TEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  /** history → schema diff; the only command of the Wasm build that replays history on the factory's shadow */
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

const require = createRequire(__filename);

type TBindings = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (opts: unknown, log: (msg: string) => void, adapter: unknown) => Promise<TEngine> };
};

// The JS glue caches views of the Wasm memory, so the module is instantiated once per process and
// every engine is created from that one instance.
let bindings: Promise<TBindings> | null = null;

async function instantiate(): Promise<TBindings> {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = (await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ path.join(pkgDir, "schema_engine_bg.js")
  )) as TBindings & WebAssembly.ModuleImports;
  const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

export async function loadSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<TEngine> {
  const bg = await (bindings ??= instantiate());
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  return bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (msg: string) => {
      if (env().KEFU_MIGRATE_DEBUG) console.error(msg);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function schemaFiles(content = fs.readFileSync(SCHEMA_PATH, "utf8")) {
  return { files: [{ path: SCHEMA_PATH, content }] };
}
