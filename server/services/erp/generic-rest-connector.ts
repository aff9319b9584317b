import type {
  ErpConnector,
  TErpCustomer,
  TErpOrder,
  TErpPage,
  TErpProduct,
  TPushCustomer,
} from "./connector";
import { ErpError } from "./connector";
import type { TErpCredentials } from "./erp-credentials";
import { pick, place, type TGenericRestConfig } from "./generic-rest-config";
import { text } from "./zhibang-wire";

// A connector for ERPs with a plain JSON REST API: endpoints, paging and field mapping come from the
// connection's config (generic-rest-config.ts), so no code is needed per ERP. Success is the HTTP status.

export type TGenericRestOptions = {
  baseUrl: string;
  credentials: TErpCredentials;
  config: TGenericRestConfig;
};

export function createGenericRestConnector(opts: TGenericRestOptions): ErpConnector {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const { config, credentials } = opts;
  const headers: Record<string, string> = { accept: "application/json" };
  if (config.auth === "basic")
    headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  if (config.auth === "bearer") headers.authorization = `Bearer ${credentials.password}`;

  async function request(path: string, init: { method?: string; body?: unknown } = {}, allow404 = false) {
    let res: Response;
    try {
      res = await fetch(base + path, {
        method: init.method ?? "GET",
        headers: init.body ? { ...headers, "content-type": "application/json" } : headers,
        body: init.body ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (e) {
      throw new ErpError(`ERP unreachable: ${(e as Error).message}`, "http");
    }
    if (res.status === 401 || res.status === 403)
      throw new ErpError(`ERP refused the credentials (HTTP ${res.status})`, "auth");
    if (allow404 && res.status === 404) return null;
    if (!res.ok) throw new ErpError(`ERP answered HTTP ${res.status} for ${path.split("?")[0]}`, "http");
    return res.json().catch(() => {
      throw new ErpError(`ERP sent invalid JSON for ${path.split("?")[0]}`, "protocol");
    }) as Promise<unknown>;
  }

  async function listPage<T>(
    list: { path: string; recordsPath: string; fields: Record<string, string> },
    cursor: string | null,
    map: (record: unknown, fields: Record<string, string>) => T | null,
  ): Promise<TErpPage<T>> {
    const p = config.pagination;
    const page = cursor ? Number(cursor) : p.firstPage;
    const sep = list.path.includes("?") ? "&" : "?";
    const body = await request(`${list.path}${sep}${p.pageParam}=${page}&${p.sizeParam}=${p.pageSize}`);
    const records = pick(body, list.recordsPath);
    if (!Array.isArray(records))
      throw new ErpError(`ERP list ${list.path} has no array at "${list.recordsPath}"`, "protocol");
    const items = records.map((r) => map(r, list.fields)).filter((x): x is T => x !== null);
    const totalPages = p.totalPagesPath ? Number(pick(body, p.totalPagesPath)) : NaN;
    const lastPage = p.firstPage === 0 ? totalPages - 1 : totalPages;
    const more = Number.isFinite(totalPages) ? page < lastPage : records.length === p.pageSize;
    return { items, nextCursor: more ? String(page + 1) : null };
  }

  return {
    listCustomers: (cursor) => listPage(config.customers, cursor, toCustomer),
    listOrders: (cursor) => listPage(config.orders, cursor, toOrder),
    listProducts: (cursor) => listPage(config.products, cursor, toProduct),

    async pushCustomer(c: TPushCustomer) {
      const f = config.customers.fields;
      const body: Record<string, unknown> = {};
      place(body, f.name, c.name);
      place(body, f.phone, c.phone);
      place(body, f.company, c.company);
      const created = await request(config.pushCustomer.path, { method: "POST", body });
      const id = text(pick(created, config.pushCustomer.idPath));
      if (!id)
        throw new ErpError(
          `ERP created the customer but returned no id at "${config.pushCustomer.idPath}"`,
          "protocol",
        );
      return id;
    },

    async lookupOrder(orderNo: string) {
      const path = config.lookupOrder.path.replace("{orderNo}", encodeURIComponent(orderNo));
      const body = await request(path, {}, true);
      if (body === null) return null;
      return toOrder(pick(body, config.lookupOrder.recordPath), config.orders.fields);
    },
  };
}

function toCustomer(r: unknown, f: Record<string, string>): TErpCustomer | null {
  const erpCode = text(pick(r, f.erpCode!));
  if (!erpCode) return null;
  return {
    erpCode,
    name: text(pick(r, f.name!)),
    phone: text(pick(r, f.phone!)),
    company: text(pick(r, f.company!)),
  };
}

function toOrder(r: unknown, f: Record<string, string>): TErpOrder | null {
  const orderNo = text(pick(r, f.orderNo!));
  const externalId = text(pick(r, f.externalId!)) ?? orderNo;
  if (!orderNo || !externalId) return null;
  const date = text(pick(r, f.orderedAt!));
  return {
    orderNo,
    externalId,
    customerCode: text(pick(r, f.customerCode!)),
    customerPhone: text(pick(r, f.customerPhone!)),
    status: text(pick(r, f.status!)) ?? "unknown",
    amount: Number(pick(r, f.amount!) ?? 0) || 0,
    orderedAt: date && !Number.isNaN(Date.parse(date)) ? new Date(date) : null,
  };
}

function toProduct(r: unknown, f: Record<string, string>): TErpProduct | null {
  const externalId = text(pick(r, f.externalId!));
  const name = text(pick(r, f.name!));
  if (!externalId || !name) return null;
  const raw = pick(r, f.price!);
  const price = raw === undefined || raw === null ? null : Number(raw);
  return { externalId, name, model: text(pick(r, f.model!)), price: Number.isFinite(price) ? price : null };
}
