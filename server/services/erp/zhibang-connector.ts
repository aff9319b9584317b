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
import { postZb, readZbTable, text, zbDatas, type TZbRow } from "./zhibang-wire";

// 智邦国际 ERP over the Family A APIs (see docs/erp.md for every assumption). One login per connector
// instance; a rejected session is re-established once, bad credentials are never retried (the ERP asks
// for a captcha after 3 failed logins).

export type TZhibangOptions = {
  baseUrl: string;
  credentials: TErpCredentials;
  pageSize?: number;
  contentType?: string;
};

const PATHS = {
  login: "/webapi/v3/ov1/login",
  customers: "/sysa/mobilephone/salesmanage/custom/list.asp",
  addCustomer: "/sysa/mobilephone/salesmanage/custom/add.asp",
  orders: "/sysa/mobilephone/salesmanage/contract/billlist.asp",
  products: "/sysa/mobilephone/salesmanage/product/billlist.asp",
};

export function createZhibangConnector(opts: TZhibangOptions): ErpConnector {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const pageSize = opts.pageSize ?? 20;
  const contentType = opts.contentType ?? "application/json";
  let session: string | null = null;

  async function login(): Promise<string> {
    const c = opts.credentials;
    const res = await postZb(
      base + PATHS.login,
      { datas: zbDatas({ user: c.username, password: c.password, serialnum: c.serialnum ?? "" }) },
      contentType,
    );
    if (res.header.status !== 0 || !res.header.session)
      throw new ErpError(`ERP login failed: ${res.header.message ?? `status ${res.header.status}`}`, "auth");
    return res.header.session;
  }

  async function call(
    path: string,
    cmdkey: string,
    fields: Record<string, string | number>,
    retried = false,
  ) {
    session ??= await login();
    const res = await postZb(base + path, { session, cmdkey, datas: zbDatas(fields) }, contentType);
    if (res.header.status === 0) return res.body;
    // a stale session is the one failure worth one more try
    if (!retried && /session|登录/i.test(res.header.message ?? "")) {
      session = null;
      return call(path, cmdkey, fields, true);
    }
    throw new ErpError(
      `ERP call ${path} failed: ${res.header.message ?? `status ${res.header.status}`}`,
      "protocol",
    );
  }

  async function listPage<T>(
    path: string,
    cursor: string | null,
    map: (r: TZbRow) => T | null,
    filters = {},
  ) {
    const page = cursor ? Number(cursor) : 1;
    const body = await call(path, "refresh", { ...filters, pageindex: page, pagesize: pageSize });
    const { rows, pageCount } = readZbTable(body);
    const items = rows.map(map).filter((x): x is T => x !== null);
    const more = pageCount !== null ? page < pageCount : rows.length === pageSize;
    return { items, nextCursor: more ? String(page + 1) : null } satisfies TErpPage<T>;
  }

  return {
    listCustomers: (cursor) => listPage(PATHS.customers, cursor, toCustomer),
    listOrders: (cursor) => listPage(PATHS.orders, cursor, toOrder),
    listProducts: (cursor) => listPage(PATHS.products, cursor, toProduct),

    async pushCustomer(customer: TPushCustomer) {
      const fields = {
        name: customer.company ?? customer.name,
        person_name: customer.name,
        phone: customer.phone ?? "",
        sort1: 1,
      };
      await call(`${PATHS.addCustomer}?intsort=1`, "__sys_dosave", fields);
      // "saved" does not guarantee it was written: read it back before trusting it
      const check = await listPage(PATHS.customers, null, toCustomer, { name: fields.name });
      const found = check.items.find(
        (c) => c.name === fields.name && (!customer.phone || c.phone === customer.phone),
      );
      if (!found)
        throw new ErpError(`ERP accepted customer "${fields.name}" but it cannot be read back`, "protocol");
      return found.erpCode;
    },

    async lookupOrder(orderNo: string) {
      const page = await listPage(PATHS.orders, null, toOrder, { htbh: orderNo });
      return page.items.find((o) => o.orderNo === orderNo) ?? null;
    },
  };
}

function toCustomer(r: TZbRow): TErpCustomer | null {
  const erpCode = text(r.ord);
  if (!erpCode) return null;
  return { erpCode, name: text(r.name), phone: text(r.mobile) ?? text(r.phone), company: text(r.name) };
}

function toOrder(r: TZbRow): TErpOrder | null {
  const orderNo = text(r.htbh);
  const externalId = text(r.ord);
  if (!orderNo || !externalId) return null;
  const date = text(r.date1);
  return {
    orderNo,
    externalId,
    customerCode: text(r.company),
    customerPhone: text(r.mobile),
    status: text(r.fhjz) ?? "未知",
    amount: Number(r.money ?? 0) || 0,
    orderedAt: date && !Number.isNaN(Date.parse(date)) ? new Date(date) : null,
  };
}

function toProduct(r: TZbRow): TErpProduct | null {
  const externalId = text(r.ord);
  const name = text(r.cpname);
  if (!externalId || !name) return null;
  const price = r.price1 === undefined || r.price1 === null ? null : Number(r.price1);
  return { externalId, name, model: text(r.cpxh), price: Number.isFinite(price) ? price : null };
}
