import { db } from "../../db/client";

// The one state change ERP sync makes: a contact with an order is a DEAL. Kept behind this function so
// the customers' full state machine (server/services/customers/) can take it over; until then it only
// moves NEW/POTENTIAL forward (a DEAL, REPURCHASE or CHURNED contact is the state machine's business)
// and records the transition in the same transaction.

export async function markContactDeal(tenantId: string, contactId: string, reason: string): Promise<boolean> {
  const client = await db();
  return client.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({
      where: { id: contactId, tenantId },
      select: { state: true },
    });
    if (!contact || (contact.state !== "NEW" && contact.state !== "POTENTIAL")) return false;
    const moved = await tx.contact.updateMany({
      where: { id: contactId, tenantId, state: contact.state },
      data: { state: "DEAL" },
    });
    if (moved.count === 0) return false;
    await tx.contactStateTransition.create({
      data: { tenantId, contactId, fromState: contact.state, toState: "DEAL", reason },
    });
    return true;
  });
}
