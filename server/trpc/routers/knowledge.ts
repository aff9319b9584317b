import { z } from "zod";
import { AppError } from "../../errors";
import { MAX_QA_FILE_BYTES } from "../../services/knowledge/qa/parse-qa-file";
import { importQaFile, previewQaImport } from "../../services/knowledge/qa/import-qa-file";
import {
  createQa,
  deleteQa,
  listQa,
  setQaEnabled,
  updateQa,
  ZListQaInput,
  ZUpdateQaInput,
} from "../../services/knowledge/qa/manage-qa";
import { ZQaRow } from "../../services/knowledge/qa/qa-schemas";
import { searchKnowledge } from "../../services/knowledge/search/search-knowledge";
import { emit } from "../../../inngest/emit";
import {
  addDictionaryTerms,
  deleteSynonymGroup,
  listLexicon,
  removeDictionaryTerm,
  saveSynonymGroup,
  ZAddTermsInput,
  ZSaveSynonymGroupInput,
} from "../../services/knowledge/lexicon/manage-lexicon";
import {
  deleteDocument,
  getDocument,
  listDocumentChunks,
  listDocuments,
  requeueDocument,
  setDocumentEnabled,
  ZListDocumentsInput,
} from "../../services/knowledge/documents/manage-documents";
import { updateDocumentChunk, ZUpdateChunkInput } from "../../services/knowledge/documents/edit-chunk";
import {
  getRetrievalSettings,
  saveRetrievalSettings,
  ZRetrievalSettingsPatch,
} from "../../services/knowledge/search/manage-retrieval-settings";
import { assertNoReindexRunning, knowledgeIndexStatus } from "../../services/knowledge/index/index-status";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

const ZQaItem = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  topic: z.string().nullable(),
  category: z.string().nullable(),
  enabled: z.boolean(),
  source: z.enum(["MANUAL", "IMPORT", "LEARNED"]),
  externalId: z.string().nullable(),
  updatedAt: z.date(),
});

const ZFileInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  // base64 of at most MAX_QA_FILE_BYTES (4 characters per 3 bytes)
  contentBase64: z.string().max(Math.ceil(MAX_QA_FILE_BYTES / 3) * 4 + 4, "The file is larger than 5 MB"),
});

function fileBytes(input: z.infer<typeof ZFileInput>): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64))
    throw new AppError("BAD_REQUEST", "The file was not sent as base64", "file");
  return Buffer.from(input.contentBase64, "base64");
}

const ZRejected = z.array(z.object({ row: z.number(), reason: z.string() }));

const qaRouter = createRouter({
  list: tenantProcedure("kb.read")
    .input(ZListQaInput)
    .output(z.object({ items: z.array(ZQaItem), nextCursor: z.string().nullable(), total: z.number() }))
    .query(({ ctx, input }) => {
      const { tenantId: _t, ...query } = input;
      return listQa(ctx.tenant.id, query);
    }),
  create: tenantProcedure("kb.write")
    .input(ZQaRow.omit({ externalId: true }))
    .output(ZQaItem)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...row } = input;
      return createQa(ctx.tenant.id, ctx.user.id, row);
    }),
  update: tenantProcedure("kb.write")
    .input(ZUpdateQaInput.extend({ qaPairId: ZId }))
    .output(ZQaItem)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, qaPairId, ...fields } = input;
      return updateQa(ctx.tenant.id, qaPairId, fields);
    }),
  setEnabled: tenantProcedure("kb.write")
    .input(z.object({ qaPairId: ZId, enabled: z.boolean() }))
    .output(ZOk)
    .mutation(({ ctx, input }) => setQaEnabled(ctx.tenant.id, input.qaPairId, input.enabled)),
  delete: tenantProcedure("kb.write")
    .input(z.object({ qaPairId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteQa(ctx.tenant.id, input.qaPairId)),
});

const importRouter = createRouter({
  preview: tenantProcedure("kb.write")
    .input(ZFileInput)
    .output(
      z.object({
        format: z.enum(["csv", "xlsx"]),
        total: z.number(),
        validCount: z.number(),
        sample: z.array(
          z.object({
            row: z.number(),
            question: z.string(),
            answer: z.string(),
            topic: z.string().nullable(),
            category: z.string().nullable(),
          }),
        ),
        rejected: ZRejected,
      }),
    )
    .mutation(({ input }) => previewQaImport(input.fileName, fileBytes(input))),
  commit: tenantProcedure("kb.write")
    .input(ZFileInput)
    .output(z.object({ created: z.number(), updated: z.number(), rejected: ZRejected }))
    .mutation(({ ctx, input }) =>
      importQaFile(ctx.tenant.id, actorOf(ctx), input.fileName, fileBytes(input)),
    ),
});

// every lexicon change re-indexes the tenant's knowledge in the background
const reindex = (tenantId: string, reason: "dictionary" | "synonyms") =>
  emit("kefu/knowledge.reindex-requested", { tenantId, reason });

const lexiconRouter = createRouter({
  get: tenantProcedure("kb.read")
    .output(
      z.object({
        dictionary: z.array(z.object({ id: z.string(), term: z.string(), createdAt: z.date() })),
        synonyms: z.array(z.object({ id: z.string(), terms: z.array(z.string()), updatedAt: z.date() })),
      }),
    )
    .query(({ ctx }) => listLexicon(ctx.tenant.id)),
  addTerms: tenantProcedure("kb.write")
    .input(ZAddTermsInput)
    .output(z.object({ added: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const res = await addDictionaryTerms(ctx.tenant.id, input.terms);
      await reindex(ctx.tenant.id, "dictionary");
      return res;
    }),
  removeTerm: tenantProcedure("kb.write")
    .input(z.object({ termId: ZId }))
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const res = await removeDictionaryTerm(ctx.tenant.id, input.termId);
      await reindex(ctx.tenant.id, "dictionary");
      return res;
    }),
  saveSynonyms: tenantProcedure("kb.write")
    .input(ZSaveSynonymGroupInput)
    .output(z.object({ id: z.string(), terms: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => {
      const { tenantId: _t, ...group } = input;
      const res = await saveSynonymGroup(ctx.tenant.id, group);
      await reindex(ctx.tenant.id, "synonyms");
      return res;
    }),
  deleteSynonyms: tenantProcedure("kb.write")
    .input(z.object({ synonymGroupId: ZId }))
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const res = await deleteSynonymGroup(ctx.tenant.id, input.synonymGroupId);
      await reindex(ctx.tenant.id, "synonyms");
      return res;
    }),
});

const ZRetrievalSettingsView = z.object({
  vectorWeight: z.number(),
  keywordWeight: z.number(),
  fusion: z.enum(["score", "rrf"]),
  directAnswerThreshold: z.number(),
});

// retrieval tuning (Tenant.settings.retrieval); a save invalidates the pipeline's config cache
const settingsRouter = createRouter({
  get: tenantProcedure("kb.read")
    .output(ZRetrievalSettingsView)
    .query(({ ctx }) => getRetrievalSettings(ctx.tenant.id)),
  update: tenantProcedure("kb.write")
    .input(ZRetrievalSettingsPatch)
    .output(ZRetrievalSettingsView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...patch } = input;
      return saveRetrievalSettings(ctx.tenant.id, actorOf(ctx), patch);
    }),
});

const ZDocument = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number(),
  status: z.enum(["QUEUED", "PARSING", "INDEXING", "READY", "FAILED"]),
  progress: z.number(),
  error: z.string().nullable(),
  enabled: z.boolean(),
  chunkCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const ZChunk = z.object({
  id: z.string(),
  ordinal: z.number(),
  heading: z.string().nullable(),
  content: z.string(),
  tokenCount: z.number(),
  enabled: z.boolean(),
});

// uploads go through POST /api/knowledge/documents (multipart); everything else is here
const documentsRouter = createRouter({
  list: tenantProcedure("kb.read")
    .input(ZListDocumentsInput)
    .output(z.object({ items: z.array(ZDocument), nextCursor: z.string().nullable(), total: z.number() }))
    .query(({ ctx, input }) => {
      const { tenantId: _t, ...query } = input;
      return listDocuments(ctx.tenant.id, query);
    }),
  get: tenantProcedure("kb.read")
    .input(z.object({ documentId: ZId }))
    .output(ZDocument)
    .query(({ ctx, input }) => getDocument(ctx.tenant.id, input.documentId)),
  chunks: tenantProcedure("kb.read")
    .input(z.object({ documentId: ZId }))
    .output(z.array(ZChunk))
    .query(({ ctx, input }) => listDocumentChunks(ctx.tenant.id, input.documentId)),
  updateChunk: tenantProcedure("kb.write")
    .input(ZUpdateChunkInput)
    .output(ZChunk)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...fields } = input;
      return updateDocumentChunk(ctx.tenant.id, fields);
    }),
  setEnabled: tenantProcedure("kb.write")
    .input(z.object({ documentId: ZId, enabled: z.boolean() }))
    .output(ZOk)
    .mutation(({ ctx, input }) => setDocumentEnabled(ctx.tenant.id, input.documentId, input.enabled)),
  delete: tenantProcedure("kb.write")
    .input(z.object({ documentId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteDocument(ctx.tenant.id, input.documentId)),
  reindex: tenantProcedure("kb.write")
    .input(z.object({ documentId: ZId }))
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const res = await requeueDocument(ctx.tenant.id, input.documentId);
      await emit("kefu/knowledge.document-uploaded", {
        tenantId: ctx.tenant.id,
        documentId: input.documentId,
      });
      return res;
    }),
});

export const knowledgeRouter = createRouter({
  qa: qaRouter,
  documents: documentsRouter,
  import: importRouter,
  lexicon: lexiconRouter,
  settings: settingsRouter,
  indexStatus: tenantProcedure("kb.read")
    .output(
      z.object({
        running: z.boolean(),
        lastRun: z
          .object({
            status: z.string(),
            startedAt: z.date(),
            finishedAt: z.date().nullable(),
            error: z.string().nullable(),
          })
          .nullable(),
        chunks: z.number(),
        chunksOnCurrentModel: z.number(),
        reindexed: z.number().nullable(),
        currentModel: z.string(),
      }),
    )
    .query(({ ctx }) => knowledgeIndexStatus(ctx.tenant.id)),
  reindex: tenantProcedure("kb.write")
    .output(ZOk)
    .mutation(async ({ ctx }) => {
      await assertNoReindexRunning(ctx.tenant.id);
      await emit("kefu/knowledge.reindex-requested", { tenantId: ctx.tenant.id, reason: "manual" });
      return { ok: true as const };
    }),
  search: tenantProcedure("kb.read")
    .input(
      z.object({
        query: z.string().trim().min(1).max(2000),
        topK: z.number().int().min(1).max(50).default(10),
      }),
    )
    .output(
      z.object({
        terms: z.array(z.string()),
        hits: z.array(
          z.object({
            chunkId: z.string(),
            qaPairId: z.string().nullable(),
            documentId: z.string().nullable(),
            content: z.string(),
            question: z.string().nullable(),
            answer: z.string().nullable(),
            vectorScore: z.number().nullable(),
            keywordRank: z.number().nullable(),
            keywordScore: z.number(),
            keywordCoverage: z.number(),
            score: z.number(),
            directAnswer: z.boolean(),
            matchedTerms: z.array(z.string()),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) =>
      searchKnowledge({ tenantId: ctx.tenant.id, query: input.query, topK: input.topK }),
    ),
});
