import { describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { createDocument } from "../../server/services/knowledge/documents/manage-documents";
import { upsertQaPairs } from "../../server/services/knowledge/qa/upsert-qa-pairs";
import { rebuildTermStats } from "../../server/services/knowledge/stats/term-stats";
import { ownerWithTenant } from "./helpers";

// The BM25 statistics are adjusted with every chunk write; after any sequence of edits they must be
// exactly what a full rebuild from the chunks gives.

async function snapshot(tenantId: string) {
  const client = await db();
  const stats = await client.knowledgeStats.findUnique({ where: { tenantId } });
  const terms = await client.knowledgeTermStat.findMany({ where: { tenantId }, orderBy: { term: "asc" } });
  return {
    chunks: stats?.chunkCount ?? 0,
    termCount: Number(stats?.termCount ?? 0),
    df: Object.fromEntries(terms.map((t) => [t.term, t.df])),
  };
}

describe("knowledge term statistics", () => {
  it("stay exact through imports, edits, disabling, deletes and documents", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    const t = tenant.id;
    const a = await caller.knowledge.qa.create({
      tenantId: t,
      question: "退款多久到账？",
      answer: "1-3 个工作日原路退回。",
    });
    const b = await caller.knowledge.qa.create({
      tenantId: t,
      question: "怎么开发票？",
      answer: "在订单详情页申请电子发票。",
    });
    await caller.knowledge.qa.create({ tenantId: t, question: "充电桩保修多久？", answer: "主机保修三年。" });
    expect((await snapshot(t)).chunks).toBe(3);
    expect((await snapshot(t)).df["退款"]).toBe(1);

    await caller.knowledge.qa.update({
      tenantId: t,
      qaPairId: a.id,
      answer: "退款审核后 1-3 个工作日到账，发票同时作废。",
    });
    await caller.knowledge.qa.setEnabled({ tenantId: t, qaPairId: b.id, enabled: false });
    expect((await snapshot(t)).chunks).toBe(2);
    await caller.knowledge.qa.update({ tenantId: t, qaPairId: b.id, question: "如何开具发票？" }); // stays disabled
    expect((await snapshot(t)).chunks).toBe(2);
    await caller.knowledge.qa.setEnabled({ tenantId: t, qaPairId: b.id, enabled: true });
    await caller.knowledge.qa.delete({ tenantId: t, qaPairId: a.id });

    const doc = await createDocument(t, user.id, {
      name: "manual.md",
      type: "",
      bytes: Buffer.from(
        "# 手册\n\n## 安装\n安装需要物业同意和独立电表。\n\n## 故障\n红灯常亮表示漏电保护动作。\n",
      ),
    });
    await emit("kefu/knowledge.document-uploaded", { tenantId: t, documentId: doc.id });
    await drainInProcessJobs();
    await caller.knowledge.documents.setEnabled({ tenantId: t, documentId: doc.id, enabled: false });
    await caller.knowledge.documents.setEnabled({ tenantId: t, documentId: doc.id, enabled: true });

    const incremental = await snapshot(t);
    expect(incremental.chunks).toBeGreaterThan(2);
    await rebuildTermStats(t);
    expect(await snapshot(t)).toEqual(incremental);

    await caller.knowledge.documents.delete({ tenantId: t, documentId: doc.id });
    const afterDelete = await snapshot(t);
    await rebuildTermStats(t);
    expect(await snapshot(t)).toEqual(afterDelete);
    expect(afterDelete.chunks).toBe(2);
    expect(afterDelete.df["退款"]).toBeUndefined();
  });

  it("stay exact when a large import is written by concurrent batches, and an update of all of it", async () => {
    const { tenant } = await ownerWithTenant();
    const rows = Array.from({ length: 1800 }, (_, i) => ({
      externalId: `p-${i}`,
      question: `型号 KF-${i % 40} 的第 ${i} 个问题：充电桩${["安装", "保修", "退款", "发票"][i % 4]}怎么办？`,
      answer: `答案 ${i}：请联系${["物业", "客服", "售后", "财务"][i % 4]}处理。`,
    }));
    expect(await upsertQaPairs(tenant.id, rows, { source: "IMPORT" })).toEqual({ created: 1800, updated: 0 });
    const imported = await snapshot(tenant.id);
    expect(imported.chunks).toBe(1800);
    await rebuildTermStats(tenant.id);
    expect(await snapshot(tenant.id)).toEqual(imported);

    const changed = rows.map((r) => ({ ...r, answer: `${r.answer}（已更新）` }));
    expect(await upsertQaPairs(tenant.id, changed, { source: "IMPORT" })).toEqual({
      created: 0,
      updated: 1800,
    });
    const updated = await snapshot(tenant.id);
    expect(updated.chunks).toBe(1800);
    await rebuildTermStats(tenant.id);
    expect(await snapshot(tenant.id)).toEqual(updated);
    const client = await db();
    expect(await client.qaPair.count({ where: { tenantId: tenant.id } })).toBe(1800);
    expect(await client.knowledgeChunk.count({ where: { tenantId: tenant.id } })).toBe(1800);
  });
});
