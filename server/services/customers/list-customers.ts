import type { z } from "zod";
import type { Prisma } from "../../db/generated/prisma/client";
import { db } from "../../db/client";
import type { TCustomerPage, TCustomerSummary, ZListCustomersInput } from "./customer-schemas";

// The customers list: filters, search, sort by score or last activity, keyset paging on (sort key,
// id) so pages stay stable while contacts keep writing.

export const SUMMARY_SELECT = {
  id: true,
  channel: true,
  externalId: true,
  name: true,
  phone: true,
  company: true,
  score: true,
  level: true,
  levelOverride: true,
  state: true,
  vip: true,
  messageCount: true,
  conversationCount: true,
  dealAmount: true,
  lastSeenAt: true,
  createdAt: true,
} as const satisfies Prisma.ContactSelect;

type TSummaryRow = Prisma.ContactGetPayload<{ select: typeof SUMMARY_SELECT }>;

export function toSummary(r: TSummaryRow): TCustomerSummary {
  return { ...r, dealAmount: r.dealAmount.toFixed(2), effectiveLevel: r.levelOverride ?? r.level };
}

function levelFilter(level: TSummaryRow["level"]): Prisma.ContactWhereInput {
  return { OR: [{ levelOverride: level }, { levelOverride: null, level }] };
}

function searchFilter(search: string): Prisma.ContactWhereInput {
  const contains = { contains: search, mode: "insensitive" as const };
  return { OR: [{ name: contains }, { phone: contains }, { company: contains }, { externalId: contains }] };
}

export async function listCustomers(
  tenantId: string,
  input: z.infer<typeof ZListCustomersInput>,
): Promise<TCustomerPage> {
  const client = await db();
  const and: Prisma.ContactWhereInput[] = [];
  if (input.level) and.push(levelFilter(input.level));
  if (input.search) and.push(searchFilter(input.search));
  if (input.cursor) {
    const after = await keysetAfter(tenantId, input.sort, input.order, input.cursor);
    if (after) and.push(after);
  }
  const rows = await client.contact.findMany({
    where: {
      tenantId,
      ...(input.state ? { state: input.state } : {}),
      ...(input.vip !== undefined ? { vip: input.vip } : {}),
      AND: and,
    },
    orderBy: [
      input.sort === "score" ? { score: input.order } : { lastSeenAt: { sort: input.order, nulls: "last" } },
      { id: input.order },
    ],
    take: input.limit + 1,
    select: SUMMARY_SELECT,
  });
  const items = rows.slice(0, input.limit).map(toSummary);
  return { items, nextCursor: rows.length > input.limit ? items[items.length - 1].id : null };
}

/**
 * Rows after the cursor row in (sort key, id) order. lastSeenAt may be null; nulls sort last in both
 * directions, so after a null key only null keys with a further id remain.
 */
async function keysetAfter(
  tenantId: string,
  sort: "score" | "lastSeenAt",
  dir: "asc" | "desc",
  cursorId: string,
): Promise<Prisma.ContactWhereInput | null> {
  const client = await db();
  const row = await client.contact.findFirst({
    where: { id: cursorId, tenantId },
    select: { score: true, lastSeenAt: true },
  });
  if (!row) return null;
  const op = dir === "asc" ? "gt" : "lt";
  const key = row[sort];
  const idAfter = { id: { [op]: cursorId } };
  if (key === null) return { AND: [{ lastSeenAt: null }, idAfter] };
  const beyond: Prisma.ContactWhereInput[] = [{ [sort]: { [op]: key } }, { AND: [{ [sort]: key }, idAfter] }];
  if (sort === "lastSeenAt") beyond.push({ lastSeenAt: null });
  return { OR: beyond };
}
