import type { TActor } from "../../actor";
import { db } from "../../../db/client";
import { recordAudit } from "../../audit/record-audit";
import { parseQaFile } from "./parse-qa-file";
import { upsertQaPairs } from "./upsert-qa-pairs";

// The one import path for Q&A spreadsheets: the UI (preview, then commit) and `kefu kb import` both
// call it, so validation and results are the same everywhere.

const SAMPLE = 20;

export async function previewQaImport(fileName: string, bytes: Buffer) {
  const parsed = await parseQaFile(fileName, bytes);
  return {
    format: parsed.format,
    total: parsed.total,
    validCount: parsed.rows.length,
    sample: parsed.rows.slice(0, SAMPLE).map((r) => ({
      row: r.row,
      question: r.data.question,
      answer: r.data.answer,
      topic: r.data.topic ?? null,
      category: r.data.category ?? null,
    })),
    rejected: parsed.rejected,
  };
}

export async function importQaFile(tenantId: string, actor: TActor | null, fileName: string, bytes: Buffer) {
  const parsed = await parseQaFile(fileName, bytes);
  const { created, updated } = await upsertQaPairs(
    tenantId,
    parsed.rows.map((r) => r.data),
    { source: "IMPORT", createdById: actor?.actorId ?? null },
  );
  const client = await db();
  await client.$transaction((tx) =>
    recordAudit(tx, {
      tenantId,
      ...(actor ?? { actorEmail: "cli" }),
      action: "knowledge.imported",
      targetType: "qa",
      data: { fileName, created, updated, rejected: parsed.rejected.length },
    }),
  );
  return { created, updated, rejected: parsed.rejected };
}
