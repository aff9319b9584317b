import { randomUUID } from "node:crypto";
import { GET as getConfig, OPTIONS as configPreflight } from "../../app/api/widget/config/route";
import { POST as postHandoff } from "../../app/api/widget/handoff/route";
import { POST as postMessage } from "../../app/api/widget/messages/route";
import { POST as postRating } from "../../app/api/widget/rating/route";
import { POST as postSession } from "../../app/api/widget/session/route";
import { POST as postUser } from "../../app/api/widget/user/route";

// Calls the widget's real route handlers the way a browser on another site would: JSON bodies, the
// page's Origin, the visitor's three identifying headers.

export const BASE = "http://kefu.test";
export type TVisitor = { slug: string; visitorId: string; token: string };

type TInit = { origin?: string; headers?: Record<string, string>; body?: unknown };

function request(path: string, method: string, init: TInit = {}): Request {
  const headers: Record<string, string> = { host: "kefu.test", ...init.headers };
  if (init.origin) headers.origin = init.origin;
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  return new Request(`${BASE}${path}`, {
    method,
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : JSON.stringify(init.body),
  });
}

export const widgetApi = {
  config: (slug: string, init?: TInit) =>
    getConfig(request(`/api/widget/config?tenant=${slug}`, "GET", init)),
  preflight: (path: string, init?: TInit) => configPreflight(request(path, "OPTIONS", init)),
  session: (body: unknown, init?: TInit) =>
    postSession(request("/api/widget/session", "POST", { ...init, body })),
  message: (v: TVisitor, text: string, clientId: string = randomUUID(), init?: TInit) =>
    postMessage(
      request("/api/widget/messages", "POST", { ...init, headers: auth(v, init), body: { text, clientId } }),
    ),
  user: (v: TVisitor, body: unknown, init?: TInit) =>
    postUser(request("/api/widget/user", "POST", { ...init, headers: auth(v, init), body })),
  handoff: (v: TVisitor, init?: TInit) =>
    postHandoff(request("/api/widget/handoff", "POST", { ...init, headers: auth(v, init), body: {} })),
  rating: (v: TVisitor, body: unknown, init?: TInit) =>
    postRating(request("/api/widget/rating", "POST", { ...init, headers: auth(v, init), body })),
};

function auth(v: TVisitor, init?: TInit): Record<string, string> {
  return {
    authorization: `Bearer ${v.token}`,
    "x-kefu-visitor": v.visitorId,
    "x-kefu-tenant": v.slug,
    ...init?.headers,
  };
}

/** A new visitor of the tenant's widget (through POST /session). */
export async function newVisitor(slug: string): Promise<TVisitor> {
  const res = await widgetApi.session({ tenant: slug });
  if (res.status !== 200) throw new Error(`session failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { visitorId: string; token: string };
  return { slug, visitorId: body.visitorId, token: body.token };
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
