import { describe, expect, it } from "vitest";
import { db, rawQuery } from "../../server/db/client";
import { upsertQaPairs } from "../../server/services/knowledge/qa/upsert-qa-pairs";
import { embedLocal, LOCAL_EMBEDDING_MODEL } from "../../server/services/knowledge/embedding/local-embedder";
import {
  bothCandidates,
  keywordCandidates,
  selectiveTerms,
  vectorCandidates,
} from "../../server/services/knowledge/search/candidates";
import { searchKnowledge } from "../../server/services/knowledge/search/search-knowledge";
import { searchTerms } from "../../server/services/knowledge/index/search-terms";
import { loadTermStats } from "../../server/services/knowledge/stats/term-stats";
import { ownerWithTenant } from "./helpers";

const FAQ = [
  {
    externalId: "refund-time",
    question: "退款多久到账？",
    answer: "退款审核通过后，1-3 个工作日原路退回到您的支付账户。",
  },
  {
    externalId: "install-conditions",
    question: "充电桩安装需要哪些条件？",
    answer: "需要固定车位、物业同意安装，以及可以报装的独立电表。",
  },
  {
    externalId: "invoice",
    question: "怎么开发票？",
    answer: "在订单详情页点击“申请开票”，电子发票会发送到您的邮箱。",
  },
  {
    externalId: "ship-time",
    question: "下单后多久发货？",
    answer: "现货商品 48 小时内发货，定制商品 7 天内发货。",
  },
  {
    externalId: "model-kf7a",
    question: "KF-7A 的功率是多少？",
    answer: "KF-7A 为 7kW 单相交流充电桩，适合家用。",
  },
];

async function seededTenant() {
  const owner = await ownerWithTenant();
  await upsertQaPairs(owner.tenant.id, FAQ, { source: "IMPORT" });
  return owner;
}

describe("searchKnowledge", () => {
  it("ranks the right Q&A first for paraphrased, traditional and code-bearing questions", async () => {
    const { tenant } = await seededTenant();
    const client = await db();
    const idOf = async (ext: string) =>
      (await client.qaPair.findFirstOrThrow({ where: { tenantId: tenant.id, externalId: ext } })).id;
    const cases: [string, string][] = [
      ["钱啥时候能退回来", "refund-time"],
      ["裝充電樁要滿足什麼條件", "install-conditions"],
      ["invoice 咋开", "invoice"],
      ["我买的东西几天能寄出", "ship-time"],
      ["ＫＦ－７Ａ多少千瓦", "model-kf7a"],
    ];
    for (const [query, ext] of cases) {
      const { hits } = await searchKnowledge({ tenantId: tenant.id, query, topK: 3 });
      expect(hits[0]?.qaPairId, query).toBe(await idOf(ext));
      expect(hits[0].score).toBeGreaterThan(0);
      expect(hits[0].score).toBeLessThanOrEqual(1);
    }
  });

  it("flags a near-verbatim curated question as a direct answer, a paraphrase not", async () => {
    const { tenant } = await seededTenant();
    const exact = await searchKnowledge({ tenantId: tenant.id, query: "退款多久到账" });
    expect(exact.hits[0].directAnswer).toBe(true);
    expect(exact.hits[0].matchedTerms).toEqual(expect.arrayContaining(["退款", "到账"]));
    const loose = await searchKnowledge({ tenantId: tenant.id, query: "钱啥时候能退回来" });
    expect(loose.hits[0].directAnswer).toBe(false);
  });

  it("re-importing an externalId updates the pair instead of duplicating it", async () => {
    const { tenant } = await seededTenant();
    const res = await upsertQaPairs(tenant.id, [
      { externalId: "invoice", question: "怎么开发票？", answer: "现在请在“我的-发票”里申请。" },
    ]);
    expect(res).toEqual({ created: 0, updated: 1 });
    const client = await db();
    expect(await client.qaPair.count({ where: { tenantId: tenant.id } })).toBe(FAQ.length);
    expect(await client.knowledgeChunk.count({ where: { tenantId: tenant.id } })).toBe(FAQ.length);
    const { hits } = await searchKnowledge({ tenantId: tenant.id, query: "发票怎么申请" });
    expect(hits[0].answer).toContain("我的-发票");
  });

  it("never returns another tenant's knowledge", async () => {
    const a = await seededTenant();
    const b = await ownerWithTenant();
    await upsertQaPairs(b.tenant.id, [
      { question: "B 公司的秘密退款政策是什么？", answer: "只属于 B 的答案。" },
    ]);
    for (const query of ["秘密退款政策", "退款多久到账", "B 公司"]) {
      const { hits } = await searchKnowledge({ tenantId: a.tenant.id, query, topK: 50 });
      expect(hits.every((h) => !h.content.includes("只属于 B"))).toBe(true);
    }
    const empty = await ownerWithTenant();
    expect((await searchKnowledge({ tenantId: empty.tenant.id, query: "退款" })).hits).toEqual([]);
  });

  it("both vector paths (exact scan of a small tenant, HNSW walk of a large one) find the same chunks", async () => {
    const { tenant } = await seededTenant();
    const q = {
      tenantId: tenant.id,
      vector: embedLocal("充电桩安装要什么条件"),
      model: LOCAL_EMBEDDING_MODEL,
    };
    const exact = await vectorCandidates(rawQuery, { ...q, exact: true });
    const walked = await vectorCandidates(rawQuery, { ...q, exact: false });
    expect(exact.map((r) => r.id)).toEqual(walked.map((r) => r.id));
    expect(exact).toHaveLength(FAQ.length);
    expect(exact[0].question).toBe("充电桩安装需要哪些条件？");
  });

  it("the keyword side matches only terms the tenant has, rarest first", async () => {
    const { tenant } = await seededTenant();
    const terms = [...new Set(searchTerms("发票怎么开 量子纠缠"))];
    const stats = await loadTermStats(tenant.id, terms);
    expect(stats?.chunkCount).toBe(FAQ.length);
    const picked = selectiveTerms(terms, stats);
    expect(picked).toContain("发票");
    expect(picked.some((t) => t.includes("量子") || t.includes("纠缠"))).toBe(false); // in no chunk
    const q = { tenantId: tenant.id, vector: embedLocal("发票"), model: LOCAL_EMBEDDING_MODEL };
    const rows = await keywordCandidates(rawQuery, { ...q, terms: picked });
    expect(rows[0]?.question).toBe("怎么开发票？");
  });

  it("both sides in one statement give what the two statements give, each in its own order", async () => {
    const { tenant } = await seededTenant();
    const text = "充电桩安装要开发票吗";
    const terms = [...new Set(searchTerms(text))];
    const picked = selectiveTerms(terms, await loadTermStats(tenant.id, terms));
    expect(picked.length).toBeGreaterThan(0);
    const q = { tenantId: tenant.id, vector: embedLocal(text), model: LOCAL_EMBEDDING_MODEL, exact: true };
    const both = await bothCandidates(rawQuery, { ...q, terms: picked });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(both.vector)).toEqual(ids(await vectorCandidates(rawQuery, q)));
    expect(ids(both.keyword)).toEqual(ids(await keywordCandidates(rawQuery, { ...q, terms: picked })));
    expect(both.keyword.length).toBeGreaterThan(0);
    expect(both.vector[0]).not.toHaveProperty("side");
    // no selective term: the vector side alone
    expect((await bothCandidates(rawQuery, { ...q, terms: [] })).keyword).toEqual([]);
  });

  it("rejects bad input", async () => {
    await expect(searchKnowledge({ tenantId: "nope", query: "x" })).rejects.toThrow();
    const { tenant } = await ownerWithTenant();
    await expect(searchKnowledge({ tenantId: tenant.id, query: "   " })).rejects.toThrow();
  });
});

describe("re-importing without ids", () => {
  it("matches rows by question, so a spreadsheet imported twice does not duplicate", async () => {
    const { tenant } = await ownerWithTenant();
    const rows = [{ question: "怎么改地址？", answer: "发货前可改。" }];
    expect(await upsertQaPairs(tenant.id, rows)).toEqual({ created: 1, updated: 0 });
    expect(
      await upsertQaPairs(tenant.id, [{ question: "怎么改地址？", answer: "发货前在订单详情改。" }]),
    ).toEqual({ created: 0, updated: 1 });
    const client = await db();
    expect(await client.qaPair.count({ where: { tenantId: tenant.id } })).toBe(1);
  });
});
