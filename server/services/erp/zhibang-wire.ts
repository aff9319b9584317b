import { z } from "zod";
import { ErpError } from "./connector";

// The 智邦国际 "Family A" (mobile ASP) wire format: POST-only, HTTP 200 even on failure, success read from
// `header.status`; lists come back as `body.source.table.{cols,rows}` where rows may be positional arrays
// keyed by cols[n].id or plain objects (both are seen in the field). See docs/erp.md.

const ZEnvelope = z.object({
  header: z.object({
    status: z.coerce.number(),
    message: z.string().optional(),
    session: z.string().optional(),
  }),
  body: z.unknown().optional(),
});

const ZTable = z.object({
  source: z.object({
    table: z.object({
      cols: z.array(z.object({ id: z.string() })),
      rows: z.array(z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())])),
    }),
    page: z.object({ pagecount: z.coerce.number() }).optional(),
  }),
});

export type TZbRow = Record<string, unknown>;

export const zbDatas = (fields: Record<string, string | number>) =>
  Object.entries(fields).map(([id, val]) => ({
    id,
    val: typeof val === "number" ? String(val) : `txt:${val}`,
  }));

export async function postZb(url: string, payload: unknown, contentType: string) {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new ErpError(`ERP unreachable: ${(e as Error).message}`, "http");
  }
  if (res.status === 401 || res.status === 403)
    throw new ErpError(`ERP refused the credentials (HTTP ${res.status})`, "auth");
  if (!res.ok) throw new ErpError(`ERP answered HTTP ${res.status} for ${new URL(url).pathname}`, "http");
  const parsed = ZEnvelope.safeParse(await res.json().catch(() => null));
  if (!parsed.success)
    throw new ErpError(`ERP sent an unexpected response for ${new URL(url).pathname}`, "protocol");
  return parsed.data;
}

/** Turns a list response into row objects (positional rows are keyed by the column ids). */
export function readZbTable(body: unknown): { rows: TZbRow[]; pageCount: number | null } {
  const parsed = ZTable.safeParse(body);
  if (!parsed.success) throw new ErpError("ERP list response has no body.source.table", "protocol");
  const { cols, rows } = parsed.data.source.table;
  const objects = rows.map((row) =>
    Array.isArray(row) ? Object.fromEntries(cols.map((c, i) => [c.id, row[i]])) : row,
  );
  return { rows: objects, pageCount: parsed.data.source.page?.pagecount ?? null };
}

export const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
};
