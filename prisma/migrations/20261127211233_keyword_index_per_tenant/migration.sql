-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- The keyword index is keyed by tenant as well as by term: a search of one tenant no longer visits the
-- rows of every tenant that share a term (a small tenant next to a 100 000-chunk one paid for the big
-- one's rows). btree_gin is a trusted extension (PostgreSQL 13+).
CREATE INDEX "KnowledgeChunk_tenant_tsv_manual_idx" ON "KnowledgeChunk" USING gin ("tenantId", "tsv");
DROP INDEX IF EXISTS "KnowledgeChunk_tsv_manual_idx";

-- No query reads chunk content by trigram (lists search titles and Q&A questions); the index cost about
-- a tenth of a bulk import's database time.
DROP INDEX IF EXISTS "KnowledgeChunk_content_trgm_manual_idx";
