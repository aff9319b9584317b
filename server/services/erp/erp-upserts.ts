import { db } from "../../db/client";
import type { TErpCustomer, TErpOrder, TErpProduct } from "./connector";
import { markContactDeal } from "./contact-deal-state";

// Writes of pulled ERP rows. Every write is keyed by the ERP's identity (erpCode, orderNo, product id),
// so a retried or repeated sync updates rows instead of duplicating them. Conflict policy (PRODUCT.md
// §7): the ERP wins for phone, company and ERP code; local data wins for WeChat identity and intent
// (never touched here); the name is only filled in when we have none.

/** Contacts pulled from the ERP that never talked to us live on the API channel under this id. */
export const erpExternalId = (erpCode: string) => `erp:${erpCode}`;

async function findContactId(tenantId: string, erpCode: string | null, phone: string | null) {
  const client = await db();
  if (erpCode) {
    const byCode = await client.contact.findFirst({ where: { tenantId, erpCode }, select: { id: true } });
    if (byCode) return byCode.id;
  }
  if (phone) {
    const byPhone = await client.contact.findFirst({
      where: { tenantId, phone },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (byPhone) return byPhone.id;
  }
  return null;
}

export async function upsertErpCustomer(tenantId: string, c: TErpCustomer): Promise<"created" | "updated"> {
  const client = await db();
  const now = new Date();
  const id = await findContactId(tenantId, c.erpCode, c.phone);
  if (id) {
    await client.contact.updateMany({
      where: { id, tenantId },
      data: {
        erpCode: c.erpCode,
        erpSyncedAt: now,
        ...(c.phone && { phone: c.phone }),
        ...(c.company && { company: c.company }),
      },
    });
    await client.contact.updateMany({ where: { id, tenantId, name: null }, data: { name: c.name } });
    return "updated";
  }
  await client.contact.upsert({
    where: {
      tenantId_channel_externalId: { tenantId, channel: "API", externalId: erpExternalId(c.erpCode) },
    },
    create: {
      tenantId,
      channel: "API",
      externalId: erpExternalId(c.erpCode),
      erpCode: c.erpCode,
      name: c.name,
      phone: c.phone,
      company: c.company,
      erpSyncedAt: now,
    },
    update: { erpCode: c.erpCode, phone: c.phone, company: c.company, erpSyncedAt: now },
  });
  return "created";
}

export async function upsertErpOrder(tenantId: string, o: TErpOrder): Promise<{ linked: boolean }> {
  const client = await db();
  const contactId = await findContactId(tenantId, o.customerCode, o.customerPhone);
  const data = {
    contactId,
    externalId: o.externalId,
    status: o.status,
    amount: o.amount,
    orderedAt: o.orderedAt,
    source: "ERP",
  };
  await client.order.upsert({
    where: { tenantId_orderNo: { tenantId, orderNo: o.orderNo } },
    create: { tenantId, orderNo: o.orderNo, ...data },
    update: data,
  });
  if (!contactId) return { linked: false };
  // dealAmount is derived from the orders, so a re-pulled order never counts twice
  const sum = await client.order.aggregate({ where: { tenantId, contactId }, _sum: { amount: true } });
  await client.contact.updateMany({
    where: { id: contactId, tenantId },
    data: { dealAmount: sum._sum.amount ?? 0 },
  });
  await markContactDeal(tenantId, contactId, `ERP order ${o.orderNo}`);
  return { linked: true };
}

export async function upsertErpProduct(tenantId: string, p: TErpProduct): Promise<void> {
  const client = await db();
  const data = { name: p.name, model: p.model, price: p.price };
  await client.product.upsert({
    where: { tenantId_externalId: { tenantId, externalId: p.externalId } },
    create: { tenantId, externalId: p.externalId, ...data },
    update: data,
  });
}
