import { describe, expect, it } from "vitest";
import { cleanGeneratedScript } from "./migration-files";

describe("cleanGeneratedScript", () => {
  it("drops DROP INDEX lines for hand-written indexes only", () => {
    const script = [
      "-- DropIndex",
      'DROP INDEX "KnowledgeChunk_tsv_manual_idx";',
      "",
      "-- DropIndex",
      'DROP INDEX "KnowledgeChunk_embedding_384_hnsw_idx";',
      "",
      "-- DropIndex",
      'DROP INDEX "Contact_tenantId_level_idx";',
    ].join("\n");
    const { script: out, meaningful } = cleanGeneratedScript(script);
    expect(out).not.toContain("_manual_idx");
    expect(out).not.toContain("_hnsw_idx");
    expect(out).toContain('DROP INDEX "Contact_tenantId_level_idx";');
    expect(out.match(/-- DropIndex/g)).toHaveLength(1); // the removed statements' comments go too
    expect(meaningful).toBe(true);
  });

  it("treats a diff of only extension boilerplate and kept indexes as empty", () => {
    const script = [
      "-- CreateExtension",
      'CREATE EXTENSION IF NOT EXISTS "pg_trgm";',
      "",
      'CREATE EXTENSION IF NOT EXISTS "vector";',
      "-- DropIndex",
      'DROP INDEX "QaPair_question_trgm_manual_idx";',
    ].join("\n");
    expect(cleanGeneratedScript(script).meaningful).toBe(false);
  });
});
