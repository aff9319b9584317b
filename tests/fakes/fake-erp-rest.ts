import type { IncomingMessage, ServerResponse } from "node:http";
import type { TFakeCustomer, TFakeOrder, TFakeProduct } from "./fake-erp";

// The fake ERP's generic REST face (under /rest): the same data as the 智邦 face in a different,
// nested JSON shape, so the generic connector's field mapping is exercised. Bearer token = password.

type TState = {
  customers: TFakeCustomer[];
  orders: TFakeOrder[];
  products: TFakeProduct[];
  pushed: TFakeCustomer[];
  failPage: { list: "customers" | "orders" | "products"; page: number; times: number } | null;
};

const shape = {
  customers: (c: TFakeCustomer) => ({
    id: c.ord,
    fullName: c.name,
    contact: { mobile: c.mobile },
    org: { name: c.name },
  }),
  orders: (o: TFakeOrder) => ({
    id: o.ord,
    number: o.htbh,
    customerId: o.company,
    phone: o.mobile,
    total: o.money,
    state: o.fhjz,
    createdAt: o.date1,
  }),
  products: (p: TFakeProduct) => ({ id: p.ord, title: p.cpname, sku: p.cpxh, unitPrice: p.price1 }),
};

export async function handleRest(req: IncomingMessage, res: ServerResponse, state: TState, token: string) {
  const send = (status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "unauthorized" });
  const url = new URL(req.url ?? "/", "http://x");
  const [, , resource, key] = url.pathname.split("/");
  if (req.method === "GET" && resource === "orders" && key) {
    const order = state.orders.find((o) => o.htbh === decodeURIComponent(key));
    return order ? send(200, { order: shape.orders(order) }) : send(404, { error: "not found" });
  }
  if (req.method === "POST" && resource === "customers") {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const customer = {
      ord: String(9000 + state.customers.length),
      name: body.fullName,
      mobile: String(body.contact?.mobile ?? ""),
    };
    state.customers.push(customer);
    state.pushed.push(customer);
    return send(201, { customer: { id: customer.ord } });
  }
  if (
    req.method === "GET" &&
    (resource === "customers" || resource === "orders" || resource === "products")
  ) {
    const page = Number(url.searchParams.get("page") ?? 1);
    const size = Number(url.searchParams.get("size") ?? 20);
    const f = state.failPage;
    if (f && f.list === resource && f.page === page && f.times > 0) {
      f.times -= 1;
      return send(500, { error: "internal" });
    }
    const rows = state[resource] as never[];
    const records = rows.slice((page - 1) * size, page * size).map((r) => shape[resource](r));
    return send(200, { data: { records }, meta: { pages: Math.max(1, Math.ceil(rows.length / size)) } });
  }
  send(404, { error: "unknown route" });
}
