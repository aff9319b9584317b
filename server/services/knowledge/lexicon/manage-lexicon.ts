import { z } from "zod";
import { db } from "../../../db/client";
import { AppError, notFound } from "../../../errors";
import { forgetTenantLexicon } from "../index/tenant-lexicon";

// A tenant's custom dictionary (terms kept whole by the segmenter) and synonym groups (words that
// mean the same). Both change how text is indexed, so every change asks for a re-index, which the
// caller schedules (the router emits the job's event).

const ZTerm = z
  .string()
  .trim()
  .normalize("NFKC")
  .min(1, "Term is empty")
  .max(40, "Term is longer than 40 characters")
  .regex(/^[^\s]+$/u, "Terms cannot contain spaces");

export const ZAddTermsInput = z.object({ terms: z.array(ZTerm).min(1).max(500) });
export const ZSaveSynonymGroupInput = z.object({
  synonymGroupId: z.string().uuid().optional(),
  terms: z.array(ZTerm).min(2, "A synonym group needs at least two words").max(30),
});

export async function listLexicon(tenantId: string) {
  const client = await db();
  const [dictionary, synonyms] = await Promise.all([
    client.dictionaryTerm.findMany({
      where: { tenantId },
      orderBy: { term: "asc" },
      select: { id: true, term: true, createdAt: true },
    }),
    client.synonymGroup.findMany({
      where: { tenantId },
      orderBy: { createdAt: "asc" },
      select: { id: true, terms: true, updatedAt: true },
    }),
  ]);
  return { dictionary, synonyms };
}

export async function addDictionaryTerms(tenantId: string, terms: string[]) {
  const client = await db();
  const res = await client.dictionaryTerm.createMany({
    data: [...new Set(terms)].map((term) => ({ tenantId, term })),
    skipDuplicates: true,
  });
  forgetTenantLexicon(tenantId);
  return { added: res.count };
}

export async function removeDictionaryTerm(tenantId: string, id: string) {
  const client = await db();
  const res = await client.dictionaryTerm.deleteMany({ where: { id, tenantId } });
  if (res.count === 0) throw notFound("Dictionary term");
  forgetTenantLexicon(tenantId);
  return { ok: true as const };
}

export async function saveSynonymGroup(tenantId: string, input: z.infer<typeof ZSaveSynonymGroupInput>) {
  const terms = [...new Set(input.terms)];
  if (terms.length < 2)
    throw new AppError("BAD_REQUEST", "A synonym group needs at least two different words", "terms");
  const client = await db();
  if (input.synonymGroupId) {
    const res = await client.synonymGroup.updateMany({
      where: { id: input.synonymGroupId, tenantId },
      data: { terms },
    });
    if (res.count === 0) throw notFound("Synonym group");
    forgetTenantLexicon(tenantId);
    return { id: input.synonymGroupId, terms };
  }
  const group = await client.synonymGroup.create({
    data: { tenantId, terms },
    select: { id: true, terms: true },
  });
  forgetTenantLexicon(tenantId);
  return group;
}

export async function deleteSynonymGroup(tenantId: string, id: string) {
  const client = await db();
  const res = await client.synonymGroup.deleteMany({ where: { id, tenantId } });
  if (res.count === 0) throw notFound("Synonym group");
  forgetTenantLexicon(tenantId);
  return { ok: true as const };
}
