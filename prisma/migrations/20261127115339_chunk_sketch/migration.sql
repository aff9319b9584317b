-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- AlterTable
ALTER TABLE "KnowledgeChunk" ADD COLUMN     "sketch" vector(256);

-- Local embeddings (1024 dimensions, hashed features) are searched through a 256-dimension sketch:
-- an HNSW insert costs about four times less there, which is what bulk imports pay per row. The full
-- embedding still scores the candidates. Provider embeddings of 1024 dimensions keep their own index,
-- which now leaves out the local chunks (they have a sketch).
DROP INDEX "KnowledgeChunk_embedding_1024_hnsw_idx";
CREATE INDEX "KnowledgeChunk_embedding_1024_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw (("embedding"::vector(1024)) vector_cosine_ops) WHERE "embeddingDim" = 1024 AND "sketch" IS NULL;
CREATE INDEX "KnowledgeChunk_sketch_hnsw_idx" ON "KnowledgeChunk"
  USING hnsw ("sketch" vector_cosine_ops) WITH (m = 16, ef_construction = 40);
