import { db } from "../../db/client";
import { advanceState, type TAdvanceResult } from "./customer-state";
import { rescoreContact, tenantAverageOrderValue, type TRescoreResult } from "./score-contact";
import { CHURN_AFTER_DAYS, isInactive } from "./state-machine";

// What the background jobs run: re-score a contact after its activity (and move its state on what
// that activity means), and the nightly pass over a whole tenant in batches, which also churns
// contacts that have been silent too long.

export const RESCORE_BATCH = 200;

export type TContactRefresh = { score: TRescoreResult; state: TAdvanceResult | null };

/** After a customer message or a closed conversation. */
export async function refreshContact(
  tenantId: string,
  contactId: string,
  now = new Date(),
): Promise<TContactRefresh> {
  const { contact, ...score } = await rescoreContact(tenantId, contactId, { now });
  let state: TAdvanceResult | null = null;
  if (contact.state === "NEW") state = await advanceState(tenantId, contactId, "inquiry", undefined, contact);
  else if (contact.state === "CHURNED" && !isInactive(contact.lastSeenAt, contact.createdAt, now))
    state = await advanceState(tenantId, contactId, "returned", undefined, contact);
  return { score, state };
}

export type TTenantRescore = { rescored: number; churned: number; batches: number };

/**
 * Every contact of the tenant, `batchSize` at a time by id (a stable cursor while rows change). The
 * tenant's average order value is read once per batch, not once per contact.
 */
export async function rescoreTenant(
  tenantId: string,
  opts: { batchSize?: number; now?: Date } = {},
): Promise<TTenantRescore> {
  const client = await db();
  const batchSize = opts.batchSize ?? RESCORE_BATCH;
  const now = opts.now ?? new Date();
  const result: TTenantRescore = { rescored: 0, churned: 0, batches: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch = await client.contact.findMany({
      where: { tenantId, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, state: true, lastSeenAt: true, createdAt: true },
    });
    if (batch.length === 0) return result;
    result.batches++;
    const averageOrderValue = await tenantAverageOrderValue(tenantId);
    for (const c of batch) {
      await rescoreContact(tenantId, c.id, { now, averageOrderValue });
      result.rescored++;
      if (c.state !== "CHURNED" && isInactive(c.lastSeenAt, c.createdAt, now)) {
        const r = await advanceState(tenantId, c.id, "inactive", `no message for ${CHURN_AFTER_DAYS} days`);
        if (r.changed) result.churned++;
      }
    }
    cursor = batch[batch.length - 1].id;
  }
}
