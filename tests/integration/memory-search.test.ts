import { describe, expect, it } from "vitest";
import { readJsonl, type TKbEntry, type TQuery } from "../../bench/lib/eval-data";
import { db, rawQuery } from "../../server/db/client";
import { Prisma } from "../../server/db/generated/prisma/client";
import { deleteQa, setQaEnabled, updateQa } from "../../server/services/knowledge/qa/manage-qa";
import { upsertQaPairs } from "../../server/services/knowledge/qa/upsert-qa-pairs";
import { rankOrder, tsRank } from "../../server/services/knowledge/search/memory-candidates";
import {
  currentMemoryIndex,
  loadMemoryIndex,
  memoryIndexUsage,
} from "../../server/services/knowledge/search/memory-index";
import { searchKnowledge } from "../../server/services/knowledge/search/search-knowledge";
import { loadTermStats } from "../../server/services/knowledge/stats/term-stats";
import { ownerWithTenant } from "./helpers";

// A small tenant's index kept in the process (search/memory-index.ts) must give the same hits as the
// database, and never older knowledge than the database has.

const kb = readJsonl<TKbEntry>("bench/data/kb.jsonl").slice(0, 120);
const ids = new Set(kb.map((e) => e.id));
const queries = readJsonl<TQuery>("bench/data/queries.jsonl")
  .filter((q) => ids.has(q.expected_id))
  .map((q) => q.query);

async function seeded(entries = kb) {
  const { tenant } = await ownerWithTenant();
  await upsertQaPairs(
    tenant.id,
    entries.map((e) => ({ externalId: e.id, question: e.question, answer: e.answer })),
  );
  return tenant.id;
}

/** Loads the tenant's copy at its current version and returns that version. */
async function warm(tenantId: string): Promise<string> {
  const stats = await loadTermStats(tenantId, []);
  expect(stats?.version).toBeTruthy();
  await loadMemoryIndex(tenantId, stats!.version!);
  expect(currentMemoryIndex(tenantId, stats)).not.toBeNull();
  return stats!.version!;
}

const version = async (tenantId: string) => (await loadTermStats(tenantId, []))?.version;

describe("in-memory search index", () => {
  it("gives the database's hits, in the same order with the same scores", async () => {
    const tenantId = await seeded();
    await warm(tenantId);
    expect(queries.length).toBeGreaterThan(40);
    for (const query of queries) {
      const fromDb = await searchKnowledge({ tenantId, query, topK: 10 }, { memory: false });
      const fromMemory = await searchKnowledge({ tenantId, query, topK: 10 });
      expect(
        fromMemory.hits.map((h) => h.chunkId),
        query,
      ).toEqual(fromDb.hits.map((h) => h.chunkId));
      fromMemory.hits.forEach((h, i) => {
        const d = fromDb.hits[i];
        expect(h.score).toBeCloseTo(d.score, 5);
        expect(h.vectorScore ?? 0).toBeCloseTo(d.vectorScore ?? 0, 5);
        expect(h.keywordScore).toBeCloseTo(d.keywordScore, 9);
        // the keyword side's own position: equal ranks have no defined order in PostgreSQL either
        expect(h.keywordRank === null).toBe(d.keywordRank === null);
        expect([h.content, h.question, h.answer, h.directAnswer]).toEqual([
          d.content,
          d.question,
          d.answer,
          d.directAnswer,
        ]);
      });
    }
    expect(memoryIndexUsage().tenants).toBeGreaterThan(0);
  });

  it("ranks keyword candidates exactly as PostgreSQL's ts_rank does", async () => {
    const tenantId = await seeded(kb.slice(0, 40));
    const operands = ["退货", "发票", "地址", "修改", "不"];
    const rows = await rawQuery<{ lexemes: string; rank: number }>(Prisma.sql`
      SELECT tsv::text AS lexemes, ts_rank(tsv, to_tsquery('simple', ${operands.map((t) => `'${t}'`).join(" | ")}), 1) AS rank
      FROM "KnowledgeChunk" WHERE "tenantId" = ${tenantId}`);
    const { parseTsvector } = await import("../../server/services/knowledge/search/pg-text");
    let matched = 0;
    for (const r of rows) {
      const lexemes = parseTsvector(r.lexemes);
      const lexemeTotal = [...lexemes.values()].reduce((a, b) => a + b, 0);
      if (r.rank > 0) matched++;
      expect(tsRank({ lexemes, lexemeTotal }, rankOrder(operands))).toBe(Math.fround(Number(r.rank)));
    }
    expect(matched).toBeGreaterThan(3);
  });

  it("is not used once the knowledge changed: edits, disabling and deletions show at once", async () => {
    const tenantId = await seeded(kb.slice(0, 30));
    const client = await db();
    const pair = await client.qaPair.findFirstOrThrow({ where: { tenantId, externalId: kb[0].id } });
    const query = kb[0].question;
    const top = async () => (await searchKnowledge({ tenantId, query })).hits[0];

    let v = await warm(tenantId);
    expect((await top()).answer).toBe(kb[0].answer);

    await updateQa(tenantId, pair.id, { answer: "新的答案：请联系客服 400-000-0000。" });
    expect(await version(tenantId)).not.toBe(v);
    expect((await top()).answer).toBe("新的答案：请联系客服 400-000-0000。"); // from the database
    v = await warm(tenantId);
    expect((await top()).answer).toBe("新的答案：请联系客服 400-000-0000。"); // from the new copy

    await setQaEnabled(tenantId, pair.id, false);
    expect(await version(tenantId)).not.toBe(v);
    expect((await top())?.qaPairId).not.toBe(pair.id);
    v = await warm(tenantId);
    expect((await top())?.qaPairId).not.toBe(pair.id);

    await setQaEnabled(tenantId, pair.id, true);
    await warm(tenantId);
    expect((await top()).qaPairId).toBe(pair.id);
    await deleteQa(tenantId, pair.id);
    expect((await top())?.qaPairId).not.toBe(pair.id);
  });

  it("another tenant's writes do not change a tenant's version, and deleting a tenant still works", async () => {
    const a = await seeded(kb.slice(0, 10));
    const b = await seeded(kb.slice(10, 20));
    const before = await version(a);
    await upsertQaPairs(b, [{ externalId: "extra", question: "新问题", answer: "新答案" }]);
    expect(await version(a)).toBe(before);
    const client = await db();
    await client.tenant.delete({ where: { id: b } });
    expect(await client.knowledgeChunk.count({ where: { tenantId: b } })).toBe(0);
  });
});
