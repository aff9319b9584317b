import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../server/db/generated/prisma/client";

// Set-based seeding for bench/dashboard.ts: ids are md5-derived from sequence numbers, so messages can
// reference their conversation (and conversations their contact) without a round trip. Conversation i
// starts at start + i·step; its 10 messages follow 30 s apart (even = customer, odd = bot, or agent
// after the handoff in the 30 % of conversations that reach a human). The last 6 hours stay open.

type TOpts = {
  messages: number;
  conversations: number;
  contacts: number;
  agents: number;
  days: number;
  now: Date;
  log: (s: string) => void;
};

const CHANNELS = `ARRAY['WECHAT','WIDGET','API','WECOM']`;

export async function seedDashboardData(client: PrismaClient, o: TOpts) {
  const start = new Date(o.now.getTime() - o.days * 86_400_000);
  const tenant = await client.tenant.create({
    data: {
      name: "Dashboard bench",
      slug: `dash-${randomBytes(3).toString("hex")}`,
      timezone: "Asia/Shanghai",
    },
  });
  const tenantId = tenant.id;
  const agents: string[] = [];
  for (let a = 0; a < o.agents; a++) {
    const u = await client.user.create({
      data: {
        email: `agent-${a}-${randomBytes(3).toString("hex")}@bench.test`,
        name: `客服 ${a + 1}`,
        passwordHash: "x",
      },
    });
    await client.membership.create({ data: { tenantId, userId: u.id, role: "AGENT" } });
    agents.push(u.id);
  }
  const base = `(TIMESTAMPTZ '${start.toISOString()}' AT TIME ZONE 'UTC')`;
  const nowSql = `(TIMESTAMPTZ '${o.now.toISOString()}' AT TIME ZONE 'UTC')`;
  const step = (o.days * 86_400) / o.conversations;
  const agentArr = `ARRAY[${agents.map((a) => `'${a}'`).join(",")}]`;
  const run = (sql: string) => client.$executeRawUnsafe(sql);
  let t = performance.now();
  const lap = (what: string) => {
    o.log(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };

  await run(`
    INSERT INTO "Contact" (id, "tenantId", channel, "externalId", level, "levelOverride", "updatedAt")
    SELECT md5('contact' || i)::uuid::text, '${tenantId}', (${CHANNELS})[1 + i % 4]::"Channel", 'c-' || i,
      (ARRAY['WHITE','GRAY','GRAY','BLACK'])[1 + (i / 4) % 4]::"CustomerLevel",
      CASE WHEN i % 50 = 0 THEN 'WHITE'::"CustomerLevel" END, now()
    FROM generate_series(0, ${o.contacts - 1}) i`);
  lap(`${o.contacts} contacts`);

  await run(`
    INSERT INTO "Conversation" (id, "tenantId", "contactId", channel, status, lifecycle, "assigneeId",
      "escalatedAt", "firstResponseAt", satisfaction, "closedAt", "lastMessageAt", "createdAt", "updatedAt")
    SELECT md5('conv' || i)::uuid::text, '${tenantId}', md5('contact' || (i % ${o.contacts}))::uuid::text,
      (${CHANNELS})[1 + (i % ${o.contacts}) % 4]::"Channel",
      (CASE WHEN NOT open THEN 'CLOSED' ELSE (ARRAY['BOT','PENDING_HUMAN','HUMAN'])[1 + i % 3] END)::"ConversationStatus",
      (CASE WHEN NOT open THEN 'EXPIRED' WHEN i % 2 = 0 THEN 'IDLE' ELSE 'ACTIVE' END)::"Lifecycle",
      CASE WHEN assigned THEN (${agentArr})[1 + i % ${o.agents}] END,
      CASE WHEN human THEN created + interval '2 minutes' END,
      CASE WHEN assigned THEN created + interval '2 minutes' + (30 + i % 270) * interval '1 second' END,
      CASE WHEN NOT open AND i % 4 = 0 THEN 1 + i % 5 END,
      CASE WHEN NOT open THEN created + interval '20 minutes' END,
      created + interval '270 seconds', created, created
    FROM (
      SELECT i, created, open,
        (NOT open AND i % 10 < 3) OR (open AND i % 3 > 0) AS human,
        (NOT open AND i % 10 < 3) OR (open AND i % 3 = 2) AS assigned
      FROM (
        SELECT i, ${base} + i * ${step} * interval '1 second' AS created,
          ${base} + i * ${step} * interval '1 second' > ${nowSql} - interval '6 hours' AS open
        FROM generate_series(0, ${o.conversations - 1}) i
      ) s0
    ) s`);
  lap(`${o.conversations} conversations`);

  const CHUNK = 100_000;
  for (let from = 0; from < o.messages; from += CHUNK) {
    const to = Math.min(o.messages, from + CHUNK) - 1;
    await run(`
      INSERT INTO "Message" (id, "tenantId", "conversationId", role, content, action, provider, model,
        "tokensIn", "tokensOut", "latencyMs", "evidenceIds", "authorId", "createdAt")
      SELECT gen_random_uuid()::text, '${tenantId}', md5('conv' || i)::uuid::text, role::"MessageRole",
        'message ' || j, action::"MessageAction",
        CASE WHEN role = 'BOT' THEN 'deepseek' END, CASE WHEN role = 'BOT' THEN 'deepseek-chat' END,
        CASE WHEN role = 'BOT' THEN 300 + j % 900 END, CASE WHEN role = 'BOT' THEN 40 + j % 200 END,
        CASE WHEN role = 'BOT' THEN (150 + 6000 * power(random(), 3))::int END,
        CASE WHEN action = 'REPLY' AND (j * 31) % 10 < 6 THEN ARRAY['chunk-' || (j % 500)] ELSE ARRAY[]::text[] END,
        CASE WHEN role = 'AGENT' THEN (${agentArr})[1 + i % ${o.agents}] END,
        ${base} + i * ${step} * interval '1 second' + k * interval '30 seconds'
      FROM (
        SELECT j, i, k, role,
          CASE WHEN role = 'BOT' THEN
            CASE WHEN (j * 7919) % 100 < 70 THEN 'REPLY' WHEN (j * 7919) % 100 < 85 THEN 'CLARIFY'
                 WHEN (j * 7919) % 100 < 95 THEN 'TRANSFER' ELSE 'IGNORE' END END AS action
        FROM (
          SELECT j, j / ${10} AS i, j % 10 AS k,
            CASE WHEN j % 2 = 0 THEN 'CUSTOMER'
                 WHEN (j / 10) % 10 < 3 AND j % 10 >= 5 THEN 'AGENT' ELSE 'BOT' END AS role
          FROM generate_series(${from}::bigint, ${to}::bigint) j
        ) r0
      ) r`);
    o.log(`  messages ${to + 1}/${o.messages}`);
  }
  lap(`${o.messages} messages`);

  await run(`
    INSERT INTO "UsageRecord" (id, "tenantId", provider, model, "tokensIn", "tokensOut", "costMicros", "latencyMs",
      ok, "messageId", "createdAt")
    SELECT gen_random_uuid()::text, "tenantId",
      CASE WHEN "tokensIn" % 5 = 0 THEN 'qwen' ELSE 'deepseek' END,
      CASE WHEN "tokensIn" % 5 = 0 THEN 'qwen-max' ELSE 'deepseek-chat' END,
      "tokensIn", "tokensOut", "tokensIn" * 2 + "tokensOut" * 8, "latencyMs", "tokensIn" % 50 <> 7, id, "createdAt"
    FROM "Message" WHERE "tenantId" = '${tenantId}' AND role = 'BOT' AND action <> 'IGNORE'`);
  lap("usage records");

  await run(`
    INSERT INTO "LearnedKnowledge" (id, "tenantId", "conversationId", question, answer, confidence, "answeredBy",
      status, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, '${tenantId}', md5('conv' || (i * 17 % ${o.conversations}))::uuid::text,
      'q' || i, 'a' || i, 0.8, 'HUMAN',
      (ARRAY['AUTO_APPROVED','AUTO_APPROVED','APPROVED','PENDING','REJECTED'])[1 + i % 5]::"LearnedStatus",
      ${base} + i * ${(o.days * 86_400) / 5000} * interval '1 second', now()
    FROM generate_series(0, 4999) i`);
  await run(`ANALYZE`);
  lap("learned items + ANALYZE");
  return { tenantId, start };
}
