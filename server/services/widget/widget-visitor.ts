import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import type { TUserBody } from "./widget-schemas";
import { findVisitorContact } from "./widget-session";

// Who a widget visitor is, as far as the shop tells us (window.Kefu.setUser): name, email and phone
// go on the Contact, the shop's own user id into Contact.metadata.userId. Until then a visitor is an
// anonymous contact (name null; the workbench shows "访客 1a2b" from the id). Fields not sent are kept.

type TContact = NonNullable<Awaited<ReturnType<typeof findVisitorContact>>>;

/** The visitor's contact, created on first need (a visitor may ask for a human before writing). */
export async function ensureVisitorContact(tenantId: string, visitorId: string): Promise<TContact> {
  const existing = await findVisitorContact(tenantId, visitorId);
  if (existing) return existing;
  const client = await db();
  try {
    await client.contact.create({
      data: { tenantId, channel: "WIDGET", externalId: visitorId, lastSeenAt: new Date() },
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e; // created by a concurrent request: read it below
  }
  const created = await findVisitorContact(tenantId, visitorId);
  if (!created) throw new Error("widget contact vanished after creation");
  return created;
}

export async function setWidgetUser(tenantId: string, visitorId: string, user: TUserBody): Promise<void> {
  const contact = await ensureVisitorContact(tenantId, visitorId);
  const client = await db();
  const metadata = {
    ...(contact.metadata && typeof contact.metadata === "object" && !Array.isArray(contact.metadata)
      ? contact.metadata
      : {}),
    ...(user.id !== undefined ? { userId: user.id } : {}),
  };
  await client.contact.updateMany({
    where: { id: contact.id, tenantId },
    data: {
      ...(user.name !== undefined ? { name: user.name } : {}),
      ...(user.email !== undefined ? { email: user.email } : {}),
      ...(user.phone !== undefined ? { phone: user.phone } : {}),
      metadata,
      lastSeenAt: new Date(),
    },
  });
  // the inbox lists widget conversations by chat name, which starts as the (then unknown) name
  if (user.name !== undefined)
    await client.conversation.updateMany({
      where: { tenantId, contactId: contact.id, channel: "WIDGET", status: { not: "CLOSED" } },
      data: { chatName: user.name },
    });
}
