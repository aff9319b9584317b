-- Hand-written search indexes that schema.prisma cannot express. Their names end in _hnsw_idx or
-- _manual_idx: kefu migrate dev removes the DROP INDEX lines that later diffs generate for them.

-- Keyword side: "tsv" is generated from "searchText" (words segmented in the application). Prisma
-- sees it as Unsupported("tsvector") and does not diff the generation expression.
ALTER TABLE "KnowledgeChunk" DROP COLUMN "tsv";
ALTER TABLE "KnowledgeChunk" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "searchText")) STORED;

CREATE INDEX "KnowledgeChunk_tsv_manual_idx" ON "KnowledgeChunk" USING gin ("tsv");
CREATE INDEX "KnowledgeChunk_content_trgm_manual_idx" ON "KnowledgeChunk" USING gin ("content" gin_trgm_ops);
CREATE INDEX "QaPair_question_trgm_manual_idx" ON "QaPair" USING gin ("question" gin_trgm_ops);

-- Vector side: "embedding" has no fixed dimension (tenants choose their embedding model), so there is
-- one partial HNSW index per dimension in use: a query casts to its dimension and filters on it.
CREATE INDEX "KnowledgeChunk_embedding_256_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(256)) vector_cosine_ops) WHERE "embeddingDim" = 256;
CREATE INDEX "KnowledgeChunk_embedding_384_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WHERE "embeddingDim" = 384;
CREATE INDEX "KnowledgeChunk_embedding_512_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(512)) vector_cosine_ops) WHERE "embeddingDim" = 512;
CREATE INDEX "KnowledgeChunk_embedding_768_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(768)) vector_cosine_ops) WHERE "embeddingDim" = 768;
CREATE INDEX "KnowledgeChunk_embedding_1024_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(1024)) vector_cosine_ops) WHERE "embeddingDim" = 1024;
CREATE INDEX "KnowledgeChunk_embedding_1536_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WHERE "embeddingDim" = 1536;
