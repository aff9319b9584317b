import { z } from "zod";
import { db } from "../../../db/client";
import { notFound } from "../../../errors";
import { ZQaRow } from "./qa-schemas";
import { deleteChunks, setChunksEnabled } from "../stats/chunk-writes";
import { upsertQaPairs } from "./upsert-qa-pairs";
import { cursorPage, questionAnswerSearch } from "../../../db/cursor-page";

// Editing Q&A pairs one at a time (the knowledge-base editor). An edit re-indexes the pair; enabling
// or disabling also switches its chunks, so search never returns a disabled pair.

export const QA_SELECT = {
  id: true,
  question: true,
  answer: true,
  topic: true,
  category: true,
  enabled: true,
  source: true,
  externalId: true,
  updatedAt: true,
} as const;

export const ZListQaInput = z.object({
  search: z.string().trim().max(200).optional(),
  enabled: z.boolean().optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export async function listQa(tenantId: string, input: z.infer<typeof ZListQaInput>) {
  const client = await db();
  const where = {
    tenantId,
    ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
    ...questionAnswerSearch(input.search),
  };
  const [rows, total] = await Promise.all([
    client.qaPair.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: QA_SELECT,
    }),
    client.qaPair.count({ where }),
  ]);
  const { items, nextCursor } = cursorPage(rows, input.limit);
  return {
    items: items.map((r) => ({ ...r, source: r.source as "MANUAL" | "IMPORT" | "LEARNED" })),
    nextCursor,
    total,
  };
}

async function getQa(tenantId: string, id: string) {
  const client = await db();
  const row = await client.qaPair.findFirst({ where: { id, tenantId }, select: QA_SELECT });
  if (!row) throw notFound("Q&A pair");
  return { ...row, source: row.source as "MANUAL" | "IMPORT" | "LEARNED" };
}

export async function createQa(tenantId: string, userId: string, input: z.infer<typeof ZQaRow>) {
  const client = await db();
  const externalId = input.externalId ?? `manual-${crypto.randomUUID()}`;
  await upsertQaPairs(tenantId, [{ ...input, externalId }], { source: "MANUAL", createdById: userId });
  const row = await client.qaPair.findFirstOrThrow({ where: { tenantId, externalId }, select: { id: true } });
  return getQa(tenantId, row.id);
}

export const ZUpdateQaInput = ZQaRow.partial().omit({ externalId: true });

export async function updateQa(tenantId: string, id: string, input: z.infer<typeof ZUpdateQaInput>) {
  const current = await getQa(tenantId, id);
  const client = await db();
  // the pair keeps its identity: give it an external id if it has none, then upsert by it
  const externalId = current.externalId ?? `manual-${id}`;
  if (!current.externalId) await client.qaPair.updateMany({ where: { id, tenantId }, data: { externalId } });
  await upsertQaPairs(tenantId, [
    {
      externalId,
      question: input.question ?? current.question,
      answer: input.answer ?? current.answer,
      topic: input.topic ?? current.topic ?? undefined,
      category: input.category ?? current.category ?? undefined,
    },
  ]);
  if (!current.enabled)
    await client.$transaction((tx) => setChunksEnabled(tx, tenantId, { qaPairIds: [id] }, false));
  return getQa(tenantId, id);
}

export async function setQaEnabled(tenantId: string, id: string, enabled: boolean) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const res = await tx.qaPair.updateMany({ where: { id, tenantId }, data: { enabled } });
    if (res.count === 0) throw notFound("Q&A pair");
    await setChunksEnabled(tx, tenantId, { qaPairIds: [id] }, enabled);
    return { ok: true as const };
  });
}

export async function deleteQa(tenantId: string, id: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    await deleteChunks(tx, tenantId, { qaPairIds: [id] }); // not by cascade: the statistics follow
    const res = await tx.qaPair.deleteMany({ where: { id, tenantId } });
    if (res.count === 0) throw notFound("Q&A pair");
    return { ok: true as const };
  });
}
