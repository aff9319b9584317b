import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { verifyPassword } from "../../server/services/accounts/password";
import { DEMO_QA } from "../../server/services/demo/data/qa-pairs";
import { seedDemoTenant } from "../../server/services/demo/seed-demo";
import { searchKnowledge } from "../../server/services/knowledge/search/search-knowledge";
import { kefuRunner } from "./cli-runner";
import { caught, ownerWithTenant } from "./helpers";

// `kefu demo seed` at a small scale: what it creates, that the history is internally consistent
// (evidence points at real chunks, timestamps span the days, roll-ups match the rows), re-run rules,
// and the CLI on the embedded database.

const NOW = new Date("2026-11-20T06:30:00.000Z"); // 14:30 in Shanghai, a Friday
const DAYS = 10;
const HOUR = 3_600_000;

describe("seedDemoTenant", () => {
  let seeded: Awaited<ReturnType<typeof seedDemoTenant>>;

  it("creates the tenant, its people, knowledge and a consistent history", async () => {
    seeded = await seedDemoTenant({ slug: "demo-test", days: DAYS, scale: 0.05, now: NOW });
    const client = await db();
    const tenantId = seeded.tenantId;
    const where = { tenantId };

    // people: owner (with the printed password), 小王 the agent, a reviewer
    const members = await client.membership.findMany({
      where,
      select: { role: true, user: { select: { email: true, name: true, passwordHash: true } } },
    });
    expect(members.map((m) => m.role).sort()).toEqual(["AGENT", "OWNER", "REVIEWER"]);
    const owner = members.find((m) => m.role === "OWNER")!.user;
    expect(owner.email).toBe("owner@demo.kefu.local");
    expect(seeded.password).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await verifyPassword(owner.passwordHash, seeded.password!)).toBe(true);
    expect(members.find((m) => m.role === "AGENT")!.user.name).toBe("小王");

    // knowledge: every FAQ pair plus the published learned items, two READY manuals, one chunk per pair
    const docs = await client.knowledgeDocument.findMany({
      where,
      select: { status: true, chunkCount: true },
    });
    expect(docs).toHaveLength(2);
    expect(docs.every((d) => d.status === "READY" && d.chunkCount > 0)).toBe(true);
    const imported = await client.qaPair.count({ where: { tenantId, source: "IMPORT" } });
    expect(imported).toBe(DEMO_QA.length);
    expect(seeded.counts.chunks).toBe(seeded.counts.qaPairs + docs.reduce((n, d) => n + d.chunkCount, 0));
    expect(await client.knowledgeTermStat.count({ where })).toBeGreaterThan(100);

    // customers
    expect(seeded.counts.contacts).toBe(15);
    const levels = await client.contact.groupBy({ by: ["level"], where, _count: true });
    expect(levels.map((l) => l.level).sort()).toContain("GRAY");

    // conversations: closed history, plus some open now in each state
    const byStatus = Object.fromEntries(
      (await client.conversation.groupBy({ by: ["status"], where, _count: true })).map((g) => [
        g.status,
        g._count,
      ]),
    );
    expect(byStatus.CLOSED).toBeGreaterThan(20);
    expect(byStatus.PENDING_HUMAN).toBeGreaterThanOrEqual(3);
    expect(byStatus.HUMAN).toBeGreaterThanOrEqual(1);
    expect(byStatus.BOT).toBeGreaterThanOrEqual(1);
    const withAgent = await client.conversation.findMany({
      where: { tenantId, status: "HUMAN" },
      select: { assigneeId: true },
    });
    const agent = await client.user.findUniqueOrThrow({
      where: { email: seeded.agentEmail },
      select: { id: true },
    });
    expect(withAgent.every((c) => c.assigneeId === agent.id)).toBe(true);

    // timestamps: conversations on each of the last DAYS local days, none in the future
    const days = await client.$queryRaw<{ day: string }[]>`
      SELECT DISTINCT to_char("createdAt" + interval '8 hours', 'YYYY-MM-DD') AS day
      FROM "Conversation" WHERE "tenantId" = ${tenantId} ORDER BY 1`;
    expect(days).toHaveLength(DAYS);
    expect(days[DAYS - 1].day).toBe("2026-11-20");
    expect(await client.message.count({ where: { tenantId, createdAt: { gt: NOW } } })).toBe(0);

    // bot answers: fields the dashboards read, evidence that exists in this tenant, a usage row each
    const bot = await client.message.findMany({
      where: { tenantId, role: "BOT" },
      select: {
        id: true,
        action: true,
        confidence: true,
        latencyMs: true,
        provider: true,
        tokensIn: true,
        evidenceIds: true,
      },
    });
    expect(new Set(bot.map((m) => m.action))).toEqual(new Set(["REPLY", "CLARIFY", "TRANSFER"]));
    expect(bot.every((m) => m.confidence !== null && m.latencyMs! > 0 && m.provider && m.tokensIn! > 0)).toBe(
      true,
    );
    const evidence = [...new Set(bot.flatMap((m) => m.evidenceIds))];
    expect(evidence.length).toBeGreaterThan(10);
    expect(await client.knowledgeChunk.count({ where: { tenantId, id: { in: evidence } } })).toBe(
      evidence.length,
    );
    const usage = await client.usageRecord.findMany({
      where: { tenantId, ok: true },
      select: { messageId: true, costMicros: true },
    });
    expect(new Set(usage.map((u) => u.messageId))).toEqual(new Set(bot.map((m) => m.id)));
    expect(usage.every((u) => u.costMicros > 0n)).toBe(true);

    // escalations: every take-over follows an escalation, by 小王; agent replies carry their author
    const events = await client.conversationEvent.groupBy({ by: ["type"], where, _count: true });
    const count = (t: string) => events.find((e) => e.type === t)?._count ?? 0;
    expect(count("escalated")).toBeGreaterThan(count("taken_over"));
    expect(count("taken_over")).toBeGreaterThan(0);
    expect(count("closed")).toBe(byStatus.CLOSED);
    expect(
      await client.message.count({ where: { tenantId, role: "AGENT", authorId: { not: agent.id } } }),
    ).toBe(0);
    const rated = await client.conversation.count({ where: { tenantId, satisfaction: { not: null } } });
    expect(rated).toBe(count("rated"));

    // learning queue in every state; approved items are in the knowledge base
    const learned = await client.learnedKnowledge.findMany({
      where,
      select: { status: true, qaPairId: true },
    });
    expect(new Set(learned.map((l) => l.status))).toEqual(
      new Set(["AUTO_APPROVED", "APPROVED", "PENDING", "REJECTED"]),
    );
    // each item cites a conversation in which 小王 gave that answer (the review page shows the excerpt)
    const cited = await client.learnedKnowledge.findMany({
      where: { tenantId, conversationId: { not: null } },
      select: { conversationId: true, answer: true },
    });
    expect(cited.length).toBeGreaterThan(0);
    for (const item of cited)
      expect(
        await client.message.count({
          where: { tenantId, conversationId: item.conversationId!, role: "AGENT", content: item.answer },
        }),
      ).toBe(1);
    const published = learned.filter((l) => l.qaPairId).map((l) => l.qaPairId!);
    expect(published).toHaveLength(learned.filter((l) => l.status.endsWith("APPROVED")).length);
    expect(await client.qaPair.count({ where: { tenantId, id: { in: published }, source: "LEARNED" } })).toBe(
      published.length,
    );

    // the simulated front-desk WeChat PC with a fresh heartbeat; job runs
    const device = await client.device.findFirstOrThrow({
      where,
      select: { name: true, lastHeartbeatAt: true, wechatState: true },
    });
    expect(device.name).toBe("前台微信");
    expect(device.wechatState).toBe("READY");
    expect(NOW.getTime() - device.lastHeartbeatAt!.getTime()).toBeLessThan(60_000);
    expect(seeded.counts.jobRuns).toBeGreaterThanOrEqual(DAYS);

    // the roll-ups were rebuilt over the seeded range: they count what the rows hold
    const [roll] = await client.$queryRaw<{ customer: bigint; bot: bigint }[]>`
      SELECT sum("customerMessages")::bigint AS customer, sum("botMessages")::bigint AS bot
      FROM "MessageStatHourly" WHERE "tenantId" = ${tenantId}`;
    expect(Number(roll.customer)).toBe(await client.message.count({ where: { tenantId, role: "CUSTOMER" } }));
    expect(Number(roll.bot)).toBe(bot.length);
    expect(await client.usageDaily.count({ where })).toBeGreaterThan(0);
    expect(
      NOW.getTime() -
        (
          await client.conversation.findFirstOrThrow({ where, orderBy: { createdAt: "asc" } })
        ).createdAt.getTime(),
    ).toBeLessThan((DAYS + 1) * 24 * HOUR);
  }, 120_000);

  it("answers the demo's questions from its knowledge base", async () => {
    const client = await db();
    const idOf = async (externalId: string) =>
      (
        await client.qaPair.findFirstOrThrow({
          where: { tenantId: seeded.tenantId, externalId },
          select: { id: true },
        })
      ).id;
    const e05 = await searchKnowledge({ tenantId: seeded.tenantId, query: "充电桩屏幕上显示E05怎么办" });
    expect(e05.hits[0].qaPairId).toBe(await idOf("demo-error-e05"));
    const refund = await searchKnowledge({ tenantId: seeded.tenantId, query: "退款多久能到账？" });
    expect(refund.hits[0].qaPairId).toBe(await idOf("demo-refund-02"));
  });

  it("refuses an existing slug without --reset, and --reset recreates only a demo tenant", async () => {
    const again = await caught(seedDemoTenant({ slug: "demo-test", days: 2, scale: 0.02, now: NOW }));
    expect(again.message).toContain("--reset");
    const client = await db();
    expect(await client.tenant.count({ where: { id: seeded.tenantId } })).toBe(1);

    const reset = await seedDemoTenant({ slug: "demo-test", days: 2, scale: 0.02, now: NOW, reset: true });
    expect(reset.tenantId).not.toBe(seeded.tenantId);
    expect(await client.tenant.count({ where: { id: seeded.tenantId } })).toBe(0);
    expect(await client.message.count({ where: { tenantId: seeded.tenantId } })).toBe(0);
    expect(reset.password).not.toBe(seeded.password);
    const owner = await client.user.findUniqueOrThrow({
      where: { email: "owner@demo.kefu.local" },
      select: { passwordHash: true },
    });
    expect(await verifyPassword(owner.passwordHash, reset.password!)).toBe(true);

    // a tenant the seed did not make is never wiped
    const { tenant } = await ownerWithTenant();
    const refused = await caught(seedDemoTenant({ slug: tenant.slug, scale: 0.02, days: 1, reset: true }));
    expect(refused.message).toContain("only wipes demo tenants");
    expect(await client.tenant.count({ where: { id: tenant.id } })).toBe(1);
  }, 120_000);

  it("keeps an existing owner account's password when the owner is not a demo account", async () => {
    const { user } = await ownerWithTenant();
    const r = await seedDemoTenant({
      slug: "demo-owned",
      ownerEmail: user.email,
      days: 1,
      scale: 0.02,
      now: NOW,
    });
    expect(r.password).toBeUndefined();
    expect(r.memberPassword).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const client = await db();
    const m = await client.membership.findFirstOrThrow({
      where: { tenantId: r.tenantId, role: "OWNER" },
      select: { userId: true },
    });
    expect(m.userId).toBe(user.id);
  }, 120_000);
});

describe("kefu demo seed", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kefu-demo-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const kefu = kefuRunner({ KEFU_DATA_DIR: dataDir });

  it("seeds the embedded database and prints how to sign in; explains bad flags", () => {
    const r = kefu("demo", "seed", "--slug", "demo", "--days", "3", "--scale", "0.02");
    expect(r.err).not.toContain("kefu:");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Created demo tenant "demo" \(id [0-9a-f-]{36}\)/);
    expect(r.out).toMatch(/owner: {4}owner@demo\.kefu\.local {2}password [A-Za-z0-9_-]{12}/);
    expect(r.out).toMatch(/knowledge: +\d+ Q&A pairs, 2 documents/);

    const twice = kefu("demo", "seed", "--slug", "demo", "--days", "3", "--scale", "0.02");
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('A tenant with slug "demo" exists already');

    const bad = kefu("demo", "seed", "--days", "many", "--email", "nope");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--days: Expected a whole number");
    expect(bad.err).toContain("--email: Enter a valid email address");
    expect(kefu("demo", "--help").out).toContain("kefu demo seed");
  }, 240_000);
});
