import { describe, expect, it } from "vitest";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { caught, memberOf, ownerWithTenant } from "./helpers";

describe("tenant dictionary and synonyms", () => {
  it("a synonym group re-indexes the knowledge in the background and changes what search finds", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    await caller.knowledge.qa.create({
      tenantId: t,
      question: "充电桩坏了怎么报修？",
      answer: "请在 APP 里提交报修单，工程师 24 小时内联系您。",
    });
    await caller.knowledge.qa.create({
      tenantId: t,
      question: "怎么开发票？",
      answer: "在订单详情页申请电子发票。",
    });
    const scoreOf = (r: { hits: { question: string | null; score: number }[] }) =>
      r.hits.find((h) => h.question === "充电桩坏了怎么报修？")?.score ?? 0;
    const before = await caller.knowledge.search({ tenantId: t, query: "小绿盒" });
    expect(before.terms).not.toContain("充电桩");

    await caller.knowledge.lexicon.saveSynonyms({ tenantId: t, terms: ["充电桩", "小绿盒"] });
    await drainInProcessJobs();
    const after = await caller.knowledge.search({ tenantId: t, query: "小绿盒" });
    expect(after.hits[0].question).toBe("充电桩坏了怎么报修？");
    expect(after.terms).toContain("充电桩");
    expect(scoreOf(after)).toBeGreaterThan(scoreOf(before) + 0.2);
    const client = await db();
    expect(
      await client.jobRun.count({
        where: { tenantId: t, functionId: "reindex-knowledge", status: "SUCCEEDED" },
      }),
    ).toBe(1);
  });

  it("dictionary terms are listed, validated and removable; readers cannot edit", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    expect(
      await caller.knowledge.lexicon.addTerms({ tenantId: t, terms: ["凯丰快充", "凯丰快充", "KF桩"] }),
    ).toEqual({ added: 2 });
    const lex = await caller.knowledge.lexicon.get({ tenantId: t });
    expect(lex.dictionary.map((d) => d.term).sort()).toEqual(["KF桩", "凯丰快充"].sort());
    expect((await caught(caller.knowledge.lexicon.addTerms({ tenantId: t, terms: ["有 空格"] }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(
      (await caught(caller.knowledge.lexicon.saveSynonyms({ tenantId: t, terms: ["同", "同"] }))).code,
    ).toBe("BAD_REQUEST");
    await caller.knowledge.lexicon.removeTerm({ tenantId: t, termId: lex.dictionary[0].id });
    expect((await caller.knowledge.lexicon.get({ tenantId: t })).dictionary).toHaveLength(1);
    const agent = await memberOf(t, "AGENT");
    expect((await agent.caller.knowledge.lexicon.get({ tenantId: t })).dictionary).toHaveLength(1);
    expect((await caught(agent.caller.knowledge.lexicon.addTerms({ tenantId: t, terms: ["x"] }))).code).toBe(
      "FORBIDDEN",
    );
    await drainInProcessJobs();
  });
});
