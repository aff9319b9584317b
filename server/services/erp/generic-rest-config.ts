import { z } from "zod";

// The generic REST connector's configuration (ErpConnection.config), validated at every use. Endpoints
// are paths under the connection's baseUrl; `fields` maps each of our fields to a dotted path in the
// ERP's record, so most JSON APIs fit without code. Credentials stay in credentialsEnc: `basic` sends
// username:password, `bearer` sends the password as the token. Example in docs/erp.md.

const ZPath = z.string().regex(/^\/[^\s]*$/, "must start with /");
const ZFieldMap = <K extends string>(keys: readonly K[]) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, z.string().min(1).optional()])) as Record<
      K,
      z.ZodOptional<z.ZodString>
    >,
  );

const ZList = <K extends string>(keys: readonly K[], defaults: Record<K, string>) =>
  z.object({
    path: ZPath,
    /** dotted path of the record array in the response ("" = the response is the array) */
    recordsPath: z.string().default("items"),
    fields: ZFieldMap(keys)
      .default({} as never)
      .transform((f) => ({ ...defaults, ...f }) as Record<K, string>),
  });

const CUSTOMER_FIELDS = ["erpCode", "name", "phone", "company"] as const;
const ORDER_FIELDS = [
  "orderNo",
  "externalId",
  "customerCode",
  "customerPhone",
  "status",
  "amount",
  "orderedAt",
] as const;
const PRODUCT_FIELDS = ["externalId", "name", "model", "price"] as const;

export const ZGenericRestConfig = z.object({
  auth: z.enum(["none", "basic", "bearer"]).default("bearer"),
  pagination: z
    .object({
      pageParam: z.string().default("page"),
      sizeParam: z.string().default("pageSize"),
      pageSize: z.number().int().min(1).max(500).default(50),
      firstPage: z.union([z.literal(0), z.literal(1)]).default(1),
      /** dotted path of the total page count; without it a short page ends the list */
      totalPagesPath: z.string().optional(),
    })
    .default({ pageParam: "page", sizeParam: "pageSize", pageSize: 50, firstPage: 1 }),
  customers: ZList(CUSTOMER_FIELDS, { erpCode: "id", name: "name", phone: "phone", company: "company" }),
  orders: ZList(ORDER_FIELDS, {
    orderNo: "orderNo",
    externalId: "id",
    customerCode: "customerId",
    customerPhone: "phone",
    status: "status",
    amount: "amount",
    orderedAt: "orderedAt",
  }),
  products: ZList(PRODUCT_FIELDS, { externalId: "id", name: "name", model: "model", price: "price" }),
  /** POST target for new customers; the body uses the customers field map; `idPath` reads the new id */
  pushCustomer: z.object({ path: ZPath, idPath: z.string().default("id") }),
  /** `{orderNo}` is replaced (URL-encoded); a 404 means "no such order" */
  lookupOrder: z.object({
    path: ZPath.refine((p) => p.includes("{orderNo}"), "must contain {orderNo}"),
    recordPath: z.string().default(""),
  }),
});
export type TGenericRestConfig = z.infer<typeof ZGenericRestConfig>;

/** Reads a dotted path ("data.items", "customer.id"); "" is the value itself. */
export function pick(value: unknown, path: string): unknown {
  if (path === "") return value;
  return path
    .split(".")
    .reduce<unknown>(
      (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
      value,
    );
}

/** Writes `value` at a dotted path, creating the nested objects (the inverse of `pick`). */
export function place(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}
