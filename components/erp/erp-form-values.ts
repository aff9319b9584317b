import type { TErpConnection, TErpKind, TSchedule } from "./types";

// The connection form's values, their checks before sending, and the payload the router takes.
// Credentials are write-only: editing shows them empty and leaving them empty keeps the stored ones.

export type TValues = {
  kind: TErpKind;
  name: string;
  baseUrl: string;
  username: string;
  password: string;
  serialnum: string;
  /** 智邦: page size; empty = the connector's default */
  pageSize: string;
  /** generic REST: the JSON configuration (endpoints and field mapping) */
  configJson: string;
  schedule: TSchedule;
  enabled: boolean;
};
export type TField = "name" | "baseUrl" | "username" | "password" | "serialnum" | "pageSize" | "configJson";
export type TProblem = "required" | "url" | "serialnum" | "pageSize" | "json" | "jsonObject";
export type TProblems = Partial<Record<TField, TProblem>>;

/** A starting point for generic REST ERPs (docs/erp.md explains every key). */
export const GENERIC_EXAMPLE = {
  auth: "bearer",
  pagination: {
    pageParam: "page",
    sizeParam: "size",
    pageSize: 50,
    firstPage: 1,
    totalPagesPath: "meta.pages",
  },
  customers: {
    path: "/rest/customers",
    recordsPath: "data.records",
    fields: { name: "fullName", phone: "contact.mobile", company: "org.name" },
  },
  orders: {
    path: "/rest/orders",
    recordsPath: "data.records",
    fields: { orderNo: "number", amount: "total", status: "state", orderedAt: "createdAt" },
  },
  products: {
    path: "/rest/products",
    recordsPath: "data.records",
    fields: { name: "title", model: "sku", price: "unitPrice" },
  },
  pushCustomer: { path: "/rest/customers", idPath: "customer.id" },
  lookupOrder: { path: "/rest/orders/{orderNo}", recordPath: "order" },
};

export function valuesOf(c?: TErpConnection): TValues {
  const generic = c?.kind === "GENERIC_REST";
  const pageSize = !generic && typeof c?.config.pageSize === "number" ? String(c.config.pageSize) : "";
  return {
    kind: c?.kind ?? "ZHIBANG",
    name: c?.name ?? "",
    baseUrl: c?.baseUrl ?? "",
    username: "",
    password: "",
    serialnum: "",
    pageSize,
    configJson: JSON.stringify(generic ? c.config : GENERIC_EXAMPLE, null, 2),
    schedule: c?.schedule ?? "off",
    enabled: c?.enabled ?? true,
  };
}

function parseConfig(
  json: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: TProblem } {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object" || Array.isArray(value))
      return { ok: false, problem: "jsonObject" };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false, problem: "json" };
  }
}

export function checkValues(v: TValues, editing: boolean): TProblems {
  const p: TProblems = {};
  if (!v.name.trim()) p.name = "required";
  if (!v.baseUrl.trim()) p.baseUrl = "required";
  else if (!/^https?:\/\/[^\s/]+/i.test(v.baseUrl.trim())) p.baseUrl = "url";
  // on edit, empty credentials keep the stored ones; a half-filled pair is an error
  const anyCredential = v.username.trim() || v.password;
  if (!editing || anyCredential) {
    if (!v.username.trim()) p.username = "required";
    if (!v.password) p.password = "required";
  }
  if (v.kind === "ZHIBANG") {
    if (v.serialnum && !/^[A-Za-z0-9]{0,20}$/.test(v.serialnum.trim())) p.serialnum = "serialnum";
    const size = Number(v.pageSize);
    if (v.pageSize.trim() && (!Number.isInteger(size) || size < 1 || size > 200)) p.pageSize = "pageSize";
  } else {
    const parsed = parseConfig(v.configJson);
    if (!parsed.ok) p.configJson = parsed.problem;
  }
  return p;
}

/** The router's `connection` input; call after checkValues found nothing. */
export function payloadOf(v: TValues) {
  const credentials =
    v.username.trim() || v.password
      ? {
          username: v.username.trim(),
          password: v.password,
          ...(v.kind === "ZHIBANG" && v.serialnum.trim() ? { serialnum: v.serialnum.trim() } : {}),
        }
      : undefined;
  const base = {
    name: v.name.trim(),
    baseUrl: v.baseUrl.trim().replace(/\/+$/, ""),
    schedule: v.schedule,
    enabled: v.enabled,
  };
  if (v.kind === "ZHIBANG")
    return {
      ...base,
      kind: "ZHIBANG" as const,
      config: v.pageSize.trim() ? { pageSize: Number(v.pageSize) } : {},
      credentials,
    };
  const parsed = parseConfig(v.configJson);
  return {
    ...base,
    kind: "GENERIC_REST" as const,
    // checked by checkValues; the server validates the shape (ZGenericRestConfig)
    config: (parsed.ok ? parsed.value : {}) as never,
    credentials,
  };
}
