import { describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { createDocument } from "../../server/services/knowledge/documents/manage-documents";
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
});
