import { createHash, randomBytes, randomUUID } from "node:crypto";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import { publishLearned } from "../learning/publish-learned";
import { DEMO_LEARNED } from "./data/learned";
import type { TRandom } from "./random";

// The rest of a lived-in tenant: the front-desk WeChat PC (the device the simulated agent stands
// for, with a fresh heartbeat), the learning queue in all its states, and a month of job runs.

const DAY = 86_400_000;

/** The device row is made first: WeChat conversations point at it. */
export async function createDemoDevice(tenantId: string, now: Date): Promise<string> {
  const client = await db();
  const device = await client.device.create({
    data: {
      tenantId,
      name: "前台微信",
      platform: "win32 (simulated)",
      agentVersion: "demo",
      // the hash of a token nobody holds: the row cannot be used to connect, only shown
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      wechatState: "READY",
      lastHeartbeatAt: new Date(now.getTime() - 15_000),
      cpu: 4.5,
      mem: 182,
      createdAt: new Date(now.getTime() - 35 * DAY),
    },
    select: { id: true },
  });
  return device.id;
}

export async function seedLearned(p: {
  tenantId: string;
  rng: TRandom;
  now: Date;
  reviewerId: string;
  /** closed escalations in which 小王 answered one of the learned asks, oldest first */
  sources: { ask: string; conversationId: string; closedAt: Date }[];
}): Promise<number> {
  const client = await db();
  const { rng, now } = p;
  const rows: Prisma.LearnedKnowledgeCreateManyInput[] = [];
  const toPublish: { id: string; question: string; answer: string }[] = [];
  for (const item of DEMO_LEARNED) {
    // extraction runs when the conversation closes: cite the latest one with this question
    const source = p.sources.findLast((s) => s.ask === item.ask);
    const createdAt = source
      ? new Date(source.closedAt.getTime() + rng.int(5_000, 60_000))
      : new Date(now.getTime() - rng.int(60_000, 5 * DAY));
    if (createdAt > now) continue;
    const id = randomUUID();
    const reviewed = item.status === "APPROVED" || item.status === "REJECTED";
    rows.push({
      id,
      tenantId: p.tenantId,
      conversationId: source?.conversationId ?? null,
      question: item.question,
      answer: item.answer,
      confidence:
        item.status === "AUTO_APPROVED"
          ? rng.around(0.94, 0.03, 0.9, 0.99)
          : item.status === "REJECTED"
            ? rng.around(0.55, 0.1, 0.4, 0.69)
            : rng.around(0.78, 0.06, 0.7, 0.89),
      answeredBy: "HUMAN",
      status: item.status,
      reviewerId: reviewed ? p.reviewerId : null,
      reviewedAt:
        item.status === "PENDING" ? null : new Date(Math.min(now.getTime(), createdAt.getTime() + 3_600_000)),
      reviewNote: item.note ?? null,
      createdAt,
    });
    if (item.status === "AUTO_APPROVED" || item.status === "APPROVED")
      toPublish.push({ id, question: item.question, answer: item.answer });
  }
  await client.learnedKnowledge.createMany({ data: rows });
  // approved items are in the knowledge base, as the review queue's approve would have put them
  for (const item of toPublish) {
    const qaPairId = await publishLearned(p.tenantId, item, p.reviewerId);
    await client.learnedKnowledge.updateMany({
      where: { id: item.id, tenantId: p.tenantId },
      data: { qaPairId },
    });
  }
  return rows.length;
}

export function jobRunRows(
  tenantId: string,
  rng: TRandom,
  now: Date,
  days: number,
): Prisma.JobRunCreateManyInput[] {
  const rows: Prisma.JobRunCreateManyInput[] = [];
  for (let d = days - 1; d >= 0; d--) {
    // the nightly re-score at 03:00 Shanghai time (19:00 UTC the day before)
    const startedAt = new Date(Math.floor(now.getTime() / DAY) * DAY - d * DAY - 5 * 3_600_000);
    if (startedAt > now) continue;
    rows.push({
      tenantId,
      functionId: "customers-rescore-tenant",
      eventName: "kefu/customers.rescore-requested",
      status: "SUCCEEDED",
      startedAt,
      finishedAt: new Date(startedAt.getTime() + rng.int(800, 4000)),
    });
  }
  const extra = (functionId: string, eventName: string, failed = false) => {
    const startedAt = new Date(now.getTime() - rng.int(60_000, Math.max(1, days - 1) * DAY));
    rows.push({
      tenantId,
      functionId,
      eventName,
      status: failed ? "FAILED" : "SUCCEEDED",
      error: failed ? "The provider did not answer within 30000 ms" : null,
      startedAt,
      finishedAt: new Date(startedAt.getTime() + rng.int(200, 3000)),
    });
  };
  for (let i = 0; i < 12; i++) extra("extract-learning", "kefu/conversation.closed", i === 7);
  extra("ingest-document", "kefu/knowledge.document-uploaded");
  extra("ingest-document", "kefu/knowledge.document-uploaded");
  return rows;
}
