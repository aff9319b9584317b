import { db } from "../../server/db/client";
import { uniq } from "./helpers";

const DAY_MS = 86_400_000;

/** A contact with `recent` customer messages now and `old` ones 60 days ago, and optional ratings. */
export async function seedCustomer(
  tenantId: string,
  o: {
    name?: string;
    phone?: string;
    recent?: number;
    old?: number;
    ratings?: number[];
    dealAmount?: number;
    lastSeenDaysAgo?: number | null;
    state?: "NEW" | "POTENTIAL" | "DEAL" | "REPURCHASE" | "CHURNED";
    score?: number;
    vip?: boolean;
  } = {},
) {
  const client = await db();
  const lastSeenAt =
    o.lastSeenDaysAgo === null ? null : new Date(Date.now() - (o.lastSeenDaysAgo ?? 0) * DAY_MS);
  const ratings = o.ratings ?? [];
  const contact = await client.contact.create({
    data: {
      tenantId,
      channel: "API",
      externalId: `c-${uniq()}`,
      name: o.name ?? `客户${uniq()}`,
      phone: o.phone ?? null,
      dealAmount: o.dealAmount ?? 0,
      state: o.state ?? "NEW",
      score: o.score ?? 50,
      vip: o.vip ?? false,
      lastSeenAt,
      conversationCount: Math.max(1, ratings.length),
    },
  });
  const convs = ratings.length ? ratings : [null];
  for (const [i, satisfaction] of convs.entries()) {
    const conv = await client.conversation.create({
      data: { tenantId, contactId: contact.id, channel: "API", satisfaction },
    });
    const rows = [
      ...Array.from({ length: o.recent ?? 0 }, () => new Date()),
      ...Array.from({ length: o.old ?? 0 }, () => new Date(Date.now() - 60 * DAY_MS)),
    ];
    // the messages go to the first conversation only
    if (i === 0)
      for (const createdAt of rows)
        await client.message.create({
          data: { tenantId, conversationId: conv.id, role: "CUSTOMER", content: "你好", createdAt },
        });
  }
  return contact;
}

export async function addOrder(tenantId: string, contactId: string | null, amount: number) {
  const client = await db();
  return client.order.create({
    data: { tenantId, contactId, orderNo: `AB${uniq()}`, status: "PAID", amount, orderedAt: new Date() },
  });
}
