import { parseArgs } from "node:util";
import type { z } from "zod";

/** Parses --flags and validates them with a zod schema; returns a readable error instead of throwing. */
export function parseFlags<S extends z.ZodType>(
  argv: string[],
  names: string[],
  schema: S,
): { ok: true; value: z.infer<S> } | { ok: false; error: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
    }).values;
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"),
    };
  }
  return { ok: true, value: parsed.data };
}
