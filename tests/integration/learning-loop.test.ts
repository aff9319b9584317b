import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { extractLearning } from "../../inngest/functions/learning/extract-learning";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { ask, closeAs, humanAnswered } from "./learning-helpers";
import { workbenchTenant } from "./workbench-helpers";

// The acceptance test of the learning loop (issue 7): a question a human answered well becomes a
// review item when the conversation closes; once approved, the bot answers it in a new conversation.

const QUESTION = "充电桩可以装在地下车库吗？";
const ANSWER =
  "可以的。地下车库安装需要物业出具同意书，并确认车位附近能接独立电表，师傅上门勘测后免费设计走线。";

let t: Awaited<ReturnType<typeof workbenchTenant>>;
beforeAll(async () => {
  t = await workbenchTenant();
});

async function learnedOf(conversationId: string) {
  const client = await db();
  return client.learnedKnowledge.findMany({ where: { tenantId: t.tenantId, conversationId } });
}

describe("learning loop", () => {
  it("a human's good answer becomes a review item; approved, the bot gives it in a new conversation", async () => {
    const before = await ask(t.tenantId, QUESTION);
    expect(before.content).not.toContain("物业出具同意书");

    const conversationId = await humanAnswered(t, { question: QUESTION, answer: ANSWER });
    await closeAs(t, conversationId);
    await drainInProcessJobs(); // the close emitted kefu/conversation.closed; the job ran in-process

    const client = await db();
    const runs = await client.jobRun.findMany({
      where: { tenantId: t.tenantId, functionId: "extract-learning" },
    });
    expect(runs.map((r) => r.status)).toContain("SUCCEEDED");
    const [item] = await learnedOf(conversationId);
    // a human answer without a sign that it worked waits for a reviewer (0.75: between 0.70 and 0.80)
    expect(item).toMatchObject({
      question: QUESTION,
      answer: ANSWER,
      answeredBy: "HUMAN",
      status: "PENDING",
    });
    expect(item.confidence).toBeCloseTo(0.75);

    const queue = await t.reviewer.caller.review.list({ tenantId: t.tenantId, status: "PENDING" });
    const listed = queue.items.find((i) => i.id === item.id);
    expect(listed?.excerpt.map((l) => l.content)).toEqual(expect.arrayContaining([QUESTION, ANSWER]));

    const approved = await t.reviewer.caller.review.approve({ tenantId: t.tenantId, id: item.id });
    const pair = await client.qaPair.findFirstOrThrow({
      where: { id: approved.qaPairId, tenantId: t.tenantId },
    });
    expect(pair).toMatchObject({ source: "LEARNED", question: QUESTION, answer: ANSWER, enabled: true });

    const after = await ask(t.tenantId, QUESTION);
    expect(after.conversationId).not.toBe(conversationId);
    expect(after.action).toBe("reply");
    expect(after.content).toContain("物业出具同意书");
  });

  it("a thanked human answer is approved automatically, searchable at once, and can be reverted", async () => {
    const question = "家里的充电桩可以设置预约充电吗？";
    const answer = "可以。打开充电桩 App，在“预约充电”里设置开始时间，夜间谷电时段充电更省钱。";
    const conversationId = await humanAnswered(t, { question, answer, followUp: "好的，谢谢！" });
    const result = await runJobInProcess(extractLearning as never, {
      tenantId: t.tenantId,
      conversationId,
      reason: "idle",
    });
    expect(result).toMatchObject({ candidates: 1, routed: [{ status: "AUTO_APPROVED", created: true }] });
    const [item] = await learnedOf(conversationId);
    expect(item.confidence).toBeGreaterThanOrEqual(0.8);
    const hit = await t.reviewer.caller.knowledge.search({ tenantId: t.tenantId, query: question });
    expect(hit.hits[0]?.answer).toBe(answer);

    // a repeated event learns nothing twice
    await runJobInProcess(extractLearning as never, {
      tenantId: t.tenantId,
      conversationId,
      reason: "closed",
    });
    expect(await learnedOf(conversationId)).toHaveLength(1);

    await t.reviewer.caller.review.revertAutoApproval({ tenantId: t.tenantId, id: item.id });
    const [reverted] = await learnedOf(conversationId);
    expect(reverted.status).toBe("REJECTED");
    const client = await db();
    expect(await client.qaPair.count({ where: { id: item.qaPairId!, tenantId: t.tenantId } })).toBe(0);
  });

  it("runs under Inngest's own test engine (@inngest/test)", async () => {
    const question = "充电桩的质保期是多久呢？";
    const answer = "整桩质保三年，质保期内非人为损坏免费上门维修，配件和人工都不收费用。";
    const conversationId = await humanAnswered(t, { question, answer });
    const engine = new InngestTestEngine({ function: extractLearning.inngestFunction });
    const { result } = await engine.execute({
      events: [
        {
          name: "kefu/conversation.closed",
          data: { tenantId: t.tenantId, conversationId, reason: "closed" },
        },
      ],
    });
    expect(result).toMatchObject({ candidates: 1, routed: [{ status: "PENDING" }] });
  });
});
