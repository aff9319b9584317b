import { z } from "zod";
import { db } from "../../db/client";
import { AppError } from "../../errors";
import { ZEmail } from "../accounts/schemas";
import { rebuildRollups } from "../dashboard/rollups";
import { tenantTimezone, localDay } from "../dashboard/tenant-timezone";
import { rebuildUsageDaily } from "../dashboard/usage-rollup";
import { isReservedSlug, ZSlug } from "../tenants/slug";
import { contactRows, planContacts } from "./demo-contacts";
import { createDemoDevice, jobRunRows, seedLearned } from "./demo-extras";
import { buildHistory } from "./demo-history";
import { insertHistory } from "./demo-insert";
import { seedDemoKnowledge } from "./demo-knowledge";
import { prepareDemoTenant } from "./demo-tenant";
import { seededRandom } from "./random";

// `kefu demo seed`: a tenant that looks lived-in — an EV home-charger brand's knowledge base, a few
// hundred customers, a month of conversations with the bot and the agent 小王 — so the dashboards,
// inbox, customers and review pages show something real on a fresh install. Knowledge goes through
// the real services; the history is generated in memory and written with createMany in one
// transaction; the dashboard roll-ups are rebuilt at the end. If anything fails, the half-made tenant
// is deleted again.

export const ZSeedDemoOptions = z.object({
  slug: ZSlug.default("demo"),
  name: z.string().trim().min(1).max(100).default("极速充 EV 家用充电桩"),
  days: z.number().int().min(1).max(90).default(30),
  ownerEmail: ZEmail.default("owner@demo.kefu.local"),
  now: z.date().optional(),
  /** 1 ≈ 300 customers and 3–4k conversations (about 30k messages) over 30 days */
  scale: z.number().min(0.01).max(5).default(1),
  /** wipe and recreate an existing demo tenant with this slug */
  reset: z.boolean().default(false),
  /** the random seed: the same options make the same demo */
  seed: z.number().int().default(20261127),
});
export type TSeedDemoOptions = z.input<typeof ZSeedDemoOptions>;

export type TSeedDemoResult = {
  tenantId: string;
  slug: string;
  ownerEmail: string;
  /** undefined when the owner account existed outside the demo domain (its password is unchanged) */
  password?: string;
  agentEmail: string;
  reviewerEmail: string;
  /** the password of the agent and reviewer accounts (and of a demo-domain owner) */
  memberPassword: string;
  counts: Record<string, number>;
};

const DAY = 86_400_000;

export async function seedDemoTenant(input: TSeedDemoOptions = {}): Promise<TSeedDemoResult> {
  const opts = ZSeedDemoOptions.parse(input);
  if (isReservedSlug(opts.slug))
    throw new AppError("BAD_REQUEST", `The slug "${opts.slug}" is reserved.`, "slug");
  const now = opts.now ?? new Date();
  const people = await prepareDemoTenant(opts);
  const { tenantId } = people;
  const client = await db();
  try {
    const knowledge = await seedDemoKnowledge(tenantId, people.owner.id);
    const deviceId = await createDemoDevice(tenantId, now);
    const rng = seededRandom(opts.seed);
    const contacts = planContacts(rng, Math.max(12, Math.round(300 * opts.scale)));
    const ctx = { tenantId, rng, now, knowledge, agent: people.agent, deviceId };
    const history = buildHistory(ctx, contacts, { days: opts.days, scale: opts.scale });
    const c = contactRows(tenantId, rng, contacts, now);
    const messages = history.flatMap((h) => h.messages);
    await insertHistory({
      contacts: c.rows,
      transitions: c.transitions,
      scores: c.scores,
      orders: c.orders,
      conversations: history.map((h) => h.conversation),
      messages,
      events: history.flatMap((h) => h.events),
      usage: history.flatMap((h) => h.usage),
      jobRuns: jobRunRows(tenantId, rng, now, opts.days),
    });
    await client.device.updateMany({
      where: { id: deviceId, tenantId },
      data: {
        processedCount: history
          .filter((h) => h.conversation.channel === "WECHAT")
          .reduce((n, h) => n + h.messages.filter((m) => m.role === "CUSTOMER").length, 0),
      },
    });
    await seedLearned({
      tenantId,
      rng,
      now,
      reviewerId: people.reviewer.id,
      sources: history.flatMap((h) =>
        h.learnedFrom && h.conversation.closedAt
          ? [
              {
                ask: h.learnedFrom,
                conversationId: h.conversation.id!,
                closedAt: new Date(h.conversation.closedAt),
              },
            ]
          : [],
      ),
    });
    // the dashboards read roll-ups: build them for the whole seeded range
    const from = new Date(now.getTime() - (opts.days + 1) * DAY);
    await rebuildRollups(tenantId, from, now);
    const tz = await tenantTimezone(tenantId);
    await rebuildUsageDaily(tenantId, localDay(from, tz), localDay(now, tz));
    return {
      tenantId,
      slug: opts.slug,
      ownerEmail: people.owner.email,
      password: people.ownerPasswordSet ? people.password : undefined,
      agentEmail: people.agent.email,
      reviewerEmail: people.reviewer.email,
      memberPassword: people.password,
      counts: await countRows(tenantId),
    };
  } catch (e) {
    // nothing half-made stays behind: the tenant goes, with everything it owns (accounts stay)
    await client.tenant.deleteMany({ where: { id: tenantId } }).catch(() => {});
    throw e;
  }
}

async function countRows(tenantId: string): Promise<Record<string, number>> {
  const client = await db();
  const where = { tenantId };
  const [
    qaPairs,
    documents,
    chunks,
    contacts,
    orders,
    conversations,
    messages,
    events,
    usageRecords,
    learned,
    jobRuns,
  ] = await Promise.all([
    client.qaPair.count({ where }),
    client.knowledgeDocument.count({ where }),
    client.knowledgeChunk.count({ where }),
    client.contact.count({ where }),
    client.order.count({ where }),
    client.conversation.count({ where }),
    client.message.count({ where }),
    client.conversationEvent.count({ where }),
    client.usageRecord.count({ where }),
    client.learnedKnowledge.count({ where }),
    client.jobRun.count({ where }),
  ]);
  return {
    qaPairs,
    documents,
    chunks,
    contacts,
    orders,
    conversations,
    messages,
    events,
    usageRecords,
    learned,
    jobRuns,
  };
}
