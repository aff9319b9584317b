import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleRest } from "./fake-erp-rest";

// A real HTTP peer speaking the 智邦国际 Family A shape documented in docs/erp.md: login → session,
// POST lists answered as body.source.table with positional rows, HTTP 200 with header.status ≠ 0 on
// logical failures; and a generic REST face under /rest (fake-erp-rest.ts). Tests can make page N of
// a list fail with 500 or make every call answer 401.

export type TFakeCustomer = { ord: string; name: string; mobile: string };
export type TFakeOrder = {
  ord: string;
  htbh: string;
  company: string;
  mobile: string;
  money: number;
  fhjz: string;
  date1: string;
};
export type TFakeProduct = { ord: string; cpname: string; cpxh: string; price1: number };
type TList = "customers" | "orders" | "products";

const USER = "api";
const PASSWORD = "s3cret-pass";
const COLS: Record<TList, string[]> = {
  customers: ["ord", "name", "mobile"],
  orders: ["ord", "htbh", "company", "mobile", "money", "fhjz", "date1"],
  products: ["ord", "cpname", "cpxh", "price1"],
};

export async function startFakeErp() {
  const state = {
    customers: [] as TFakeCustomer[],
    orders: [] as TFakeOrder[],
    products: [] as TFakeProduct[],
    failPage: null as { list: TList; page: number; times: number } | null,
    unauthorized: false,
    /** customers created through custom/add.asp, in order */
    pushed: [] as TFakeCustomer[],
    calls: [] as { path: string; datas: Record<string, string> }[],
  };
  const sessions = new Set<string>();

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  function list(name: TList, datas: Record<string, string>) {
    let rows: Record<string, unknown>[] = state[name];
    if (name === "orders" && datas.htbh) rows = rows.filter((r) => r.htbh === datas.htbh);
    if (name === "customers" && datas.name) rows = rows.filter((r) => r.name === datas.name);
    const size = Number(datas.pagesize ?? 20);
    const page = Number(datas.pageindex ?? 1);
    const slice = rows.slice((page - 1) * size, page * size);
    return {
      header: { status: 0 },
      body: {
        source: {
          table: {
            cols: COLS[name].map((id) => ({ id })),
            rows: slice.map((r) => COLS[name].map((c) => r[c])),
          },
          page: { pagecount: Math.max(1, Math.ceil(rows.length / size)) },
        },
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (state.unauthorized) return send(res, 401, { message: "unauthorized" });
    if (req.url?.startsWith("/rest/")) return handleRest(req, res, state, PASSWORD);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const payload = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    const datas: Record<string, string> = Object.fromEntries(
      (payload.datas ?? []).map((d: { id: string; val: string }) => [
        d.id,
        String(d.val).replace(/^txt:/, ""),
      ]),
    );
    const path = new URL(req.url ?? "/", "http://x").pathname.toLowerCase();
    state.calls.push({ path, datas });
    if (path === "/webapi/v3/ov1/login") {
      if (datas.user !== USER || datas.password !== PASSWORD)
        return send(res, 200, { header: { status: 1, message: "用户名或密码错误" } });
      const session = `s-${sessions.size + 1}`;
      sessions.add(session);
      return send(res, 200, { header: { status: 0, session }, appversion: "32.17" });
    }
    if (!sessions.has(payload.session))
      return send(res, 200, { header: { status: 2, message: "session 已失效" } });
    const lists: Record<string, TList> = {
      "/sysa/mobilephone/salesmanage/custom/list.asp": "customers",
      "/sysa/mobilephone/salesmanage/contract/billlist.asp": "orders",
      "/sysa/mobilephone/salesmanage/product/billlist.asp": "products",
    };
    const name = lists[path];
    if (name && payload.cmdkey === "refresh") {
      const f = state.failPage;
      if (f && f.list === name && f.page === Number(datas.pageindex ?? 1) && f.times > 0) {
        f.times -= 1;
        return send(res, 500, { message: "internal error" });
      }
      return send(res, 200, list(name, datas));
    }
    if (path === "/sysa/mobilephone/salesmanage/custom/add.asp" && payload.cmdkey === "__sys_dosave") {
      const ord = String(9000 + state.customers.length);
      const customer = { ord, name: datas.name, mobile: datas.phone };
      state.customers.push(customer);
      state.pushed.push(customer);
      return send(res, 200, { header: { status: 0 }, body: { bill: { value: ord } } });
    }
    send(res, 200, { header: { status: 3, message: `unknown call ${path}` } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    credentials: { username: USER, password: PASSWORD, serialnum: "KEFU01" },
    state,
    /** forgets every session, as an ERP restart or session timeout would */
    expireSessions: () => sessions.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
