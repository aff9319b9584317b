import { z } from "zod";

// What every ERP connector speaks. Sync, push and order lookup only use this interface, so a new ERP is
// one more implementation, not a change to the services.

export const ZErpCustomer = z.object({
  erpCode: z.string().min(1),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
});
export type TErpCustomer = z.infer<typeof ZErpCustomer>;

export const ZErpOrder = z.object({
  orderNo: z.string().min(1),
  externalId: z.string().min(1),
  customerCode: z.string().nullable(),
  customerPhone: z.string().nullable(),
  status: z.string(),
  amount: z.number(),
  orderedAt: z.date().nullable(),
});
export type TErpOrder = z.infer<typeof ZErpOrder>;

export const ZErpProduct = z.object({
  externalId: z.string().min(1),
  name: z.string().min(1),
  model: z.string().nullable(),
  price: z.number().nullable(),
});
export type TErpProduct = z.infer<typeof ZErpProduct>;

export type TErpPage<T> = { items: T[]; nextCursor: string | null };

export type TPushCustomer = { name: string; phone: string | null; company: string | null };

export interface ErpConnector {
  listCustomers(cursor: string | null): Promise<TErpPage<TErpCustomer>>;
  listOrders(cursor: string | null): Promise<TErpPage<TErpOrder>>;
  listProducts(cursor: string | null): Promise<TErpPage<TErpProduct>>;
  /** Creates the customer in the ERP and returns its ERP code (verified by reading it back). */
  pushCustomer(customer: TPushCustomer): Promise<string>;
  lookupOrder(orderNo: string): Promise<TErpOrder | null>;
}

/** A failure talking to the ERP; `auth` failures are never retried blindly (the ERP locks the user). */
export class ErpError extends Error {
  constructor(
    message: string,
    readonly kind: "auth" | "http" | "protocol",
  ) {
    super(message);
    this.name = "ErpError";
  }
}
