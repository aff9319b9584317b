import type { PrismaClient } from "../../server/db/generated/prisma/client";
import { conversationAggregate, messageAggregate } from "../../server/services/dashboard/rollup-sql";

// The comparison for bench/dashboard.ts: the overview's message and conversation numbers computed
// straight from Message and Conversation over the whole range (what the overview would cost without
// roll-ups; usage, agents and the rest would come on top).
export async function rawOverviewTotals(client: PrismaClient, tenantId: string, from: Date, to: Date) {
  const w = { tenantId, from, to };
  const [m] = await client.$queryRaw<{ customer: number; bot: number }[]>`
    SELECT sum("customerMessages")::int AS customer, sum("botMessages")::int AS bot FROM (${messageAggregate(w)}) a`;
  const [c] = await client.$queryRaw<{ started: number }[]>`
    SELECT sum(started)::int AS started FROM (${conversationAggregate(w)}) a`;
  return { ...m, ...c };
}
