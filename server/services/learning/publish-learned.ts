import { db } from "../../db/client";
import { upsertQaPairs } from "../knowledge/qa/upsert-qa-pairs";

// A learned item enters the knowledge base as a LEARNED Q&A pair, indexed in the same call, so it is
// searchable at once. The external id ties the pair to the learned item: publishing again (a retried
// job, a double click) updates the same pair instead of adding a second one.

export async function publishLearned(
  tenantId: string,
  item: { id: string; question: string; answer: string },
  createdById: string | null,
): Promise<string> {
  const externalId = `learned-${item.id}`;
  await upsertQaPairs(tenantId, [{ externalId, question: item.question, answer: item.answer }], {
    source: "LEARNED",
    createdById,
  });
  const client = await db();
  const pair = await client.qaPair.findFirstOrThrow({
    where: { tenantId, externalId },
    select: { id: true },
  });
  return pair.id;
}
