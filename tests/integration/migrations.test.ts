import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { db, getDbHandle } from "../../server/db/client";
import { postgresMigrationFactory, pgliteMigrationFactory } from "../../server/db/migrator/adapters";
import { SCHEMA_PATH } from "../../server/db/migrator/migration-files";
import { pendingDiff } from "../../server/db/migrator/runner";
import { env } from "../../server/env";

// The migration history and schema.prisma agree, and the hand-written search indexes (HNSW per
// dimension, GIN over tsvector, trigram) survive the diffs that later schema changes generate.

async function factory() {
  const handle = getDbHandle();
  if (handle.pglite) return pgliteMigrationFactory((await handle.pglite).pg);
  return postgresMigrationFactory(env().DATABASE_URL!);
}

describe("migrations", () => {
  it("schema.prisma and the migration history are in sync", async () => {
    await db();
    expect(await pendingDiff(await factory())).toBe("");
  });

  it("a later schema change keeps the hand-written indexes", async () => {
    await db();
    const changed = fs.readFileSync(SCHEMA_PATH, "utf8") + "\nmodel LaterAddition {\n  id String @id\n}\n";
    const raw = await pendingDiff(await factory(), { schema: changed, raw: true });
    expect(raw).toContain('DROP INDEX "KnowledgeChunk_tenant_tsv_manual_idx"'); // what Prisma alone would do
    const cleaned = await pendingDiff(await factory(), { schema: changed });
    expect(cleaned).toContain('CREATE TABLE "LaterAddition"');
    expect(cleaned).not.toMatch(/DROP INDEX/);
  });

  it("the database has the search indexes and a generated tsvector", async () => {
    const client = await db();
    const indexes = await client.$queryRawUnsafe<{ indexname: string }[]>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'KnowledgeChunk' AND (indexname LIKE '%hnsw_idx' OR indexname LIKE '%manual_idx') ORDER BY 1`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual([
      "KnowledgeChunk_embedding_1024_hnsw_idx",
      "KnowledgeChunk_embedding_1536_hnsw_idx",
      "KnowledgeChunk_embedding_256_hnsw_idx",
      "KnowledgeChunk_embedding_384_hnsw_idx",
      "KnowledgeChunk_embedding_512_hnsw_idx",
      "KnowledgeChunk_embedding_768_hnsw_idx",
      "KnowledgeChunk_sketch_hnsw_idx",
      "KnowledgeChunk_tenant_tsv_manual_idx",
    ]);
    const tenant = await client.tenant.create({ data: { name: "T", slug: `t-${Date.now()}` } });
    await client.$executeRawUnsafe(
      `INSERT INTO "KnowledgeChunk" (id, "tenantId", content, "searchText", embedding, "embeddingDim", "updatedAt")
       VALUES ('c1', $1, '充电桩安装', '充电 桩 充电桩 安装', '[1,0,0]'::vector, 3, now())`,
      tenant.id,
    );
    const rows = await client.$queryRawUnsafe<{ hit: boolean }[]>(
      `SELECT tsv @@ to_tsquery('simple', '充电桩') AS hit FROM "KnowledgeChunk" WHERE id = 'c1'`,
    );
    expect(rows[0].hit).toBe(true);
  });
});
