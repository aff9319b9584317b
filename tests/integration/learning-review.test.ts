import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { findDuplicateQa } from "../../server/services/learning/dedupe";
import { routeCandidate } from "../../server/services/learning/route-candidate";
import { errorCode, uniq } from "./helpers";
import { seedConversation, workbenchTenant } from "./workbench-helpers";

// Routing (thresholds, near-duplicate merge) and the reviewer's actions. The tenant's FAQ comes from
// pipeline-helpers (退款多久到账？, 充电桩安装需要哪些条件？, …); vectors are the local embedder's.

let t: Awaited<ReturnType<typeof workbenchTenant>>;
let conversationId: string;
beforeAll(async () => {
  t = await workbenchTenant();
  conversationId = (await seedConversation(t.tenantId, { status: "CLOSED" })).conversationId;
});

const answer = (tag: string) => `这是关于${tag}的一条足够长的人工答复，包含具体的办理步骤和注意事项。`;

async function item(id: string) {
  const client = await db();
  return client.learnedKnowledge.findFirstOrThrow({ where: { id, tenantId: t.tenantId } });
}

/** A queued item written directly: the review tests do not depend on what the dedupe would merge. */
async function pending(question = `门店${uniq()}的营业时间是几点？`) {
  const client = await db();
  const row = await client.learnedKnowledge.create({
    data: {
      tenantId: t.tenantId,
      conversationId,
      question,
      answer: answer(question),
      answeredBy: "HUMAN",
      confidence: 0.75,
      status: "PENDING",
    },
  });
  return row.id;
}

describe("routing", () => {
  it("auto-approves ≥ 0.80, queues 0.70–0.80, discards below", async () => {
    const route = (question: string, confidence: number) =>
      routeCandidate(t.tenantId, conversationId, {
        question,
        answer: answer(question),
        answeredBy: "HUMAN",
        confidence,
      });
    const auto = await route("会员积分可以兑换什么礼品？", 0.8);
    const queued = await route("发票抬头写错了能改吗？", 0.79);
    const dropped = await route("样品可以免费寄送吗？", 0.69);
    expect([auto.status, queued.status, dropped.status]).toEqual(["AUTO_APPROVED", "PENDING", "DISCARDED"]);
    expect((await item(auto.id)).qaPairId).toBeTruthy();
    expect((await item(queued.id)).qaPairId).toBeNull();
  });

  it("merges a paraphrase of an existing Q&A (cosine ≥ 0.92) and keeps a looser one", async () => {
    const client = await db();
    const install = await client.qaPair.findFirstOrThrow({
      where: { tenantId: t.tenantId, externalId: "install" },
    });
    const near = await findDuplicateQa(t.tenantId, "安装充电桩需要哪些条件？");
    expect(near).toMatchObject({ qaPairId: install.id });
    expect(near!.cosine).toBeGreaterThanOrEqual(0.92);
    expect(await findDuplicateQa(t.tenantId, "退款多长时间到账？")).toBeNull();

    const pairsBefore = await client.qaPair.count({ where: { tenantId: t.tenantId } });
    const merged = await routeCandidate(t.tenantId, conversationId, {
      question: "安装充电桩需要哪些条件？",
      answer: answer("安装条件"),
      answeredBy: "HUMAN",
      confidence: 0.9,
    });
    expect(merged.status).toBe("MERGED");
    expect(await item(merged.id)).toMatchObject({ mergedIntoId: install.id, qaPairId: null });
    expect(await client.qaPair.count({ where: { tenantId: t.tenantId } })).toBe(pairsBefore);
  });
});

describe("review queue", () => {
  it("approve publishes the pair; edit-and-approve publishes the reviewer's wording", async () => {
    const plain = await pending();
    const edited = await pending();
    await t.reviewer.caller.review.approve({ tenantId: t.tenantId, id: plain });
    await t.reviewer.caller.review.approve({
      tenantId: t.tenantId,
      id: edited,
      question: "周末门店几点开门？",
      answer: "周末门店 10:00 开门，22:00 打烊，节假日以门店公告为准。",
    });
    const a = await item(plain);
    const b = await item(edited);
    expect(a).toMatchObject({ status: "APPROVED", reviewerId: t.reviewer.user.id });
    expect(b).toMatchObject({ status: "APPROVED", question: "周末门店几点开门？" });
    const search = await t.reviewer.caller.knowledge.search({
      tenantId: t.tenantId,
      query: "周末门店几点开门",
    });
    expect(search.hits[0]).toMatchObject({ qaPairId: b.qaPairId, answer: b.answer });
    // an item is reviewed once
    expect(await errorCode(t.reviewer.caller.review.approve({ tenantId: t.tenantId, id: plain }))).toBe(
      "CONFLICT",
    );
  });

  it("reject keeps the note and adds nothing to the knowledge base", async () => {
    const id = await pending();
    await t.reviewer.caller.review.reject({ tenantId: t.tenantId, id, note: "答案过时" });
    expect(await item(id)).toMatchObject({ status: "REJECTED", reviewNote: "答案过时", qaPairId: null });
  });

  it("bulk approve and reject skip items reviewed meanwhile", async () => {
    const ids = [await pending(), await pending(), await pending()];
    await t.reviewer.caller.review.reject({ tenantId: t.tenantId, id: ids[0] });
    const res = await t.reviewer.caller.review.bulk({ tenantId: t.tenantId, ids, action: "approve" });
    expect(res).toEqual({ done: 2, skipped: [ids[0]] });
    const more = [await pending(), await pending()];
    expect(
      await t.reviewer.caller.review.bulk({ tenantId: t.tenantId, ids: more, action: "reject" }),
    ).toEqual({
      done: 2,
      skipped: [],
    });
    expect((await item(more[1])).status).toBe("REJECTED");
  });

  it("lists with filters and counts by status", async () => {
    const question = `仓库${uniq()}支持自提吗？`;
    const id = await pending(question);
    const found = await t.reviewer.caller.review.list({ tenantId: t.tenantId, search: question.slice(0, 8) });
    expect(found.items.map((i) => i.id)).toEqual([id]);
    const bots = await t.reviewer.caller.review.list({ tenantId: t.tenantId, answeredBy: "BOT" });
    expect(bots.total).toBe(0);
    const counts = await t.reviewer.caller.review.counts({ tenantId: t.tenantId });
    const client = await db();
    expect(counts.PENDING).toBe(
      await client.learnedKnowledge.count({ where: { tenantId: t.tenantId, status: "PENDING" } }),
    );
    expect(counts.MERGED).toBeGreaterThanOrEqual(1);
  });

  it("is for reviewers: agents and viewers are forbidden", async () => {
    const id = await pending();
    for (const who of [t.wang, t.viewer]) {
      expect(await errorCode(who.caller.review.list({ tenantId: t.tenantId }))).toBe("FORBIDDEN");
      expect(await errorCode(who.caller.review.approve({ tenantId: t.tenantId, id }))).toBe("FORBIDDEN");
    }
    expect((await item(id)).status).toBe("PENDING");
  });
});
