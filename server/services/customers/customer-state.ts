import type { CustomerState } from "../../db/generated/prisma/enums";
import { db, rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { AppError, notFound } from "../../errors";
import { assertAllowed, nextState, type TStateEvent } from "./state-machine";

// Applies a lifecycle event to a contact (rules in state-machine.ts) and records every change in
// ContactStateTransition. The update is conditional on the state read, so two concurrent events
// cannot both move the contact from the same state: the loser retries once on the new state.

export type TAdvanceResult = { changed: boolean; from: CustomerState; to: CustomerState };

const REASONS: Record<TStateEvent, string> = {
  inquiry: "first inquiry",
  order: "order placed",
  repeat_order: "repeat order",
  inactive: "inactive",
  returned: "customer returned",
};

/**
 * `known`: the state and order count the caller has just read (the re-scoring reads them), so the
 * first attempt is one statement; a concurrent change makes the retry read them again.
 */
export async function advanceState(
  tenantId: string,
  contactId: string,
  event: TStateEvent,
  reason?: string,
  known?: { state: CustomerState; orders: number },
): Promise<TAdvanceResult> {
  const why = reason ?? REASONS[event];
  if (known) {
    const r = await advanceFrom(tenantId, contactId, event, why, known.state, known.orders);
    if (r) return r;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await tryAdvance(tenantId, contactId, event, why);
    if (r) return r;
  }
  throw new AppError("CONFLICT", "The customer's state changed concurrently; try again");
}

/** The move from a known state as one conditional statement (with its transition row); null if the state changed. */
async function advanceFrom(
  tenantId: string,
  contactId: string,
  event: TStateEvent,
  reason: string,
  from: CustomerState,
  orders: number,
): Promise<TAdvanceResult | null> {
  const priorOrders = event === "order" ? Math.max(0, orders - 1) : orders;
  const to = nextState(from, event, priorOrders);
  if (!to) return { changed: false, from, to: from };
  assertAllowed(from, to);
  const [row] = await rawQuery<{ moved: boolean }>(Prisma.sql`
    WITH moved AS (
      UPDATE "Contact" SET state = ${to}::"CustomerState", "updatedAt" = now()
      WHERE id = ${contactId} AND "tenantId" = ${tenantId} AND state = ${from}::"CustomerState"
      RETURNING id
    ), transition AS (
      INSERT INTO "ContactStateTransition" (id, "tenantId", "contactId", "fromState", "toState", reason)
      SELECT gen_random_uuid()::text, ${tenantId}, id, ${from}::"CustomerState", ${to}::"CustomerState", ${reason}
      FROM moved
    )
    SELECT EXISTS (SELECT 1 FROM moved) AS moved`);
  return row?.moved ? { changed: true, from, to } : null;
}

async function tryAdvance(
  tenantId: string,
  contactId: string,
  event: TStateEvent,
  reason: string,
): Promise<TAdvanceResult | null> {
  const client = await db();
  const contact = await client.contact.findFirst({
    where: { id: contactId, tenantId },
    select: { state: true },
  });
  if (!contact) throw notFound("Customer");
  const from = contact.state;
  // callers report an order after storing it, so that order is not a prior one
  const orders = await client.order.count({ where: { tenantId, contactId } });
  const priorOrders = event === "order" ? Math.max(0, orders - 1) : orders;
  const to = nextState(from, event, priorOrders);
  if (!to) return { changed: false, from, to: from };
  assertAllowed(from, to);
  return client.$transaction(async (tx) => {
    const moved = await tx.contact.updateMany({
      where: { id: contactId, tenantId, state: from },
      data: { state: to },
    });
    if (moved.count === 0) return null;
    await tx.contactStateTransition.create({
      data: { tenantId, contactId, fromState: from, toState: to, reason },
    });
    return { changed: true, from, to };
  });
}
