-- AlterTable
ALTER TABLE "KnowledgeStats" ADD COLUMN     "version" TEXT NOT NULL DEFAULT '';
-- tenants with knowledge already get a version now, not at their next knowledge write
UPDATE "KnowledgeStats" SET "version" = gen_random_uuid()::text;

-- Every write to a tenant's chunks or Q&A pairs gives its statistics row a new version. A process
-- that keeps a small tenant's search index in memory (search/memory-index.ts) reads the version with
-- the term statistics on every search and uses its copy only while the version is the same — whatever
-- wrote the rows, in whichever process. Statement-level, so a bulk import changes it once per
-- statement. Only an UPDATE: the statistics row is created by the term-statistics code (with a
-- version), and a tenant being deleted cascades here after its row may already be gone.
-- The advisory lock is the one the term-statistics writers take first (stats/term-stats.ts), so the
-- lock order stays advisory lock → statistics row and concurrent writers cannot deadlock.
CREATE FUNCTION kefu_knowledge_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t TEXT;
BEGIN
  FOR t IN SELECT DISTINCT "tenantId" FROM changed ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('kefu-term-stats:' || t));
    UPDATE "KnowledgeStats" SET "version" = gen_random_uuid()::text WHERE "tenantId" = t;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "KnowledgeChunk_insert_version" AFTER INSERT ON "KnowledgeChunk"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kefu_knowledge_changed();
CREATE TRIGGER "KnowledgeChunk_update_version" AFTER UPDATE ON "KnowledgeChunk"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kefu_knowledge_changed();
CREATE TRIGGER "KnowledgeChunk_delete_version" AFTER DELETE ON "KnowledgeChunk"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kefu_knowledge_changed();
CREATE TRIGGER "QaPair_update_version" AFTER UPDATE ON "QaPair"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kefu_knowledge_changed();
CREATE TRIGGER "QaPair_delete_version" AFTER DELETE ON "QaPair"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kefu_knowledge_changed();

