import { describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { drainInProcessJobs } from "../../inngest/runner";
import { createDocument } from "../../server/services/knowledge/documents/manage-documents";
import { searchKnowledge } from "../../server/services/knowledge/search/search-knowledge";
import { caught, ownerWithTenant } from "./helpers";

const MANUAL = `# 凯丰 KF-7A 安装手册

## 安装条件
家用充电桩安装需要固定车位、物业同意，以及可以报装的独立电表。电缆长度一般不超过 30 米。

## 常见故障
指示灯红灯常亮表示漏电保护动作，请先断电再重新合闸；E03 表示温度过高，请保持通风。
`;

async function upload(tenantId: string, userId: string, name: string, body: Buffer | string) {
  const doc = await createDocument(tenantId, userId, { name, type: "", bytes: Buffer.from(body) });
  await emit("kefu/knowledge.document-uploaded", { tenantId, documentId: doc.id });
  await drainInProcessJobs();
  return doc;
}

describe("documents", () => {
  it("an uploaded manual is parsed, chunked by headings, indexed and searchable", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    const doc = await upload(tenant.id, user.id, "kf7a-manual.md", MANUAL);
    const [listed] = (await caller.knowledge.documents.list({ tenantId: tenant.id })).items;
    expect(listed).toMatchObject({ id: doc.id, status: "READY", progress: 100, error: null });
    const chunks = await caller.knowledge.documents.chunks({ tenantId: tenant.id, documentId: doc.id });
    expect(chunks).toHaveLength(listed.chunkCount); // small sibling sections are merged up to the budget
    expect(chunks[0].heading).toContain("安装手册");
    expect(chunks.map((c) => c.content).join("\n")).toContain("常见故障\n指示灯红灯常亮");

    const { hits } = await searchKnowledge({ tenantId: tenant.id, query: "充电桩一直亮红灯是怎么回事" });
    expect(hits[0].documentId).toBe(doc.id);
    expect(hits[0].content).toContain("红灯");
    expect(hits[0].directAnswer).toBe(false); // only curated Q&A answers directly

    await caller.knowledge.documents.setEnabled({ tenantId: tenant.id, documentId: doc.id, enabled: false });
    expect((await searchKnowledge({ tenantId: tenant.id, query: "红灯" })).hits).toEqual([]);
    await caller.knowledge.documents.delete({ tenantId: tenant.id, documentId: doc.id });
    expect((await caller.knowledge.documents.list({ tenantId: tenant.id })).total).toBe(0);
  });

  it("bad files fail with a clear reason and leave other documents alone", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    const good = await upload(tenant.id, user.id, "manual.md", MANUAL);
    const corrupt = await upload(tenant.id, user.id, "broken.pdf", "%PDF-1.4\nthis is not really a pdf");
    const mislabelled = await upload(tenant.id, user.id, "notes.docx", "plain text pretending to be Word");
    const docs = Object.fromEntries(
      (await caller.knowledge.documents.list({ tenantId: tenant.id })).items.map((d) => [d.id, d]),
    );
    expect(docs[good.id].status).toBe("READY");
    expect(docs[corrupt.id]).toMatchObject({ status: "FAILED", chunkCount: 0 });
    expect(docs[corrupt.id].error).toBeTruthy();
    expect(docs[mislabelled.id].status).toBe("FAILED");
    expect(docs[mislabelled.id].error).toMatch(/does not match|\.docx/);
    expect((await searchKnowledge({ tenantId: tenant.id, query: "红灯" })).hits[0].documentId).toBe(good.id);
    expect(
      (
        await caught(
          createDocument(tenant.id, user.id, { name: "empty.txt", type: "", bytes: Buffer.alloc(0) }),
        )
      ).message,
    ).toBe("The file is empty");
    expect(
      (
        await caught(
          createDocument(tenant.id, user.id, {
            name: "big.txt",
            type: "",
            bytes: Buffer.alloc(21 * 1024 * 1024),
          }),
        )
      ).code,
    ).toBe("PAYLOAD_TOO_LARGE");
  });

  it("re-indexing a document replaces its chunks", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    const doc = await upload(tenant.id, user.id, "manual.md", MANUAL);
    const before = await caller.knowledge.documents.chunks({ tenantId: tenant.id, documentId: doc.id });
    await caller.knowledge.documents.reindex({ tenantId: tenant.id, documentId: doc.id });
    await drainInProcessJobs();
    const after = await caller.knowledge.documents.chunks({ tenantId: tenant.id, documentId: doc.id });
    expect(after.map((c) => c.content)).toEqual(before.map((c) => c.content));
    expect(after.map((c) => c.id)).not.toEqual(before.map((c) => c.id));
  });
});
