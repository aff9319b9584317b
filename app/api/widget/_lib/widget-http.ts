import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { AppError } from "@/server/errors";
import { readJsonBody } from "@/server/http/api-key-auth";
import { errorResponse } from "@/server/http/error-response";
import { rateLimit } from "@/server/rate-limit";
import { decideOrigin } from "@/server/services/widget/widget-origin";
import {
  findWidgetTenant,
  requireVisitor,
  requireWidgetTenant,
  type TWidgetTenant,
} from "@/server/services/widget/widget-tenant";

// The widget API's HTTP edge, shared by its route handlers (a private folder: not a route).
// Order of checks: tenant (404) → Origin against the tenant's allow-list (403 ORIGIN_NOT_ALLOWED,
// without Access-Control-Allow-Origin so the browser hides even that answer) → rate limits (429) →
// visitor token (401) → body (400/413). Every answer is JSON; allowed cross-origin answers carry
// Access-Control-Allow-Origin: <that origin> and Vary: Origin. No cookies are used (bearer tokens),
// so credentials are never allowed.

export const ALLOWED_HEADERS = "Content-Type, Authorization, X-Kefu-Visitor, X-Kefu-Tenant";
const MAX_BODY = 16 * 1024;

export type TWidgetCall = {
  req: Request;
  tenant: TWidgetTenant;
  ip: string;
  /** the visitor proven by the request's headers (throws 401 when they prove none) */
  visitor: () => string;
  /** the JSON body (at most 16 KiB); an empty body reads as {} when `emptyOk` */
  body: (emptyOk?: boolean) => Promise<unknown>;
  /** consumes one point of a per-minute limit for this caller */
  limit: (name: string, key: string, perMinute: number) => Promise<void>;
};

type TSlugSource = (req: Request, readBody: () => Promise<unknown>) => Promise<string | null>;

export const slugFromQuery: TSlugSource = async (req) => new URL(req.url).searchParams.get("tenant");
export const slugFromHeader: TSlugSource = async (req) => req.headers.get("x-kefu-tenant");

export async function widgetCall(
  req: Request,
  slugOf: TSlugSource,
  run: (call: TWidgetCall) => Promise<unknown>,
): Promise<Response> {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  const origin = req.headers.get("origin");
  const headers = new Headers({ Vary: "Origin", "Cache-Control": "no-store" });
  let bodyRead: Promise<unknown> | null = null;
  const readBody = () => (bodyRead ??= readJsonBody(req, MAX_BODY));
  try {
    // before the tenant is known nothing tenant-specific can leak, so errors stay readable
    if (origin) headers.set("Access-Control-Allow-Origin", origin);
    const tenant = await requireWidgetTenant(await slugOf(req, readBody));
    headers.delete("Access-Control-Allow-Origin");
    const decision = decideOrigin(origin, tenant.settings.allowedOrigins, req.headers.get("host"));
    if (!decision.allowed)
      return Response.json(
        {
          error: {
            code: "ORIGIN_NOT_ALLOWED",
            message: "This site is not allowed to use the chat widget (see the widget's allowed origins)",
          },
        },
        { status: 403, headers },
      );
    if (decision.echo) headers.set("Access-Control-Allow-Origin", decision.echo);
    const ip = clientIpFromHeaders(req.headers) ?? "unknown";
    const call: TWidgetCall = {
      req,
      tenant,
      ip,
      visitor: () =>
        requireVisitor(
          tenant,
          req.headers.get("x-kefu-visitor"),
          /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? null,
        ),
      body: async (emptyOk = false) => {
        // `curl -X POST` without a body is a fine way to ask for a human
        if (emptyOk && !(req.headers.get("content-type") ?? "").toLowerCase().includes("json")) {
          if ((await req.text()).trim())
            throw new AppError("BAD_REQUEST", "Send the body as application/json");
          return {};
        }
        return readBody();
      },
      limit: (name, key, perMinute) =>
        rateLimit(`widget-${name}`, `${tenant.id}:${key}`, { points: perMinute, durationSec: 60 }),
    };
    const result = await run(call);
    return Response.json(result, { headers });
  } catch (e) {
    const res = errorResponse(e, requestId);
    headers.forEach((value, name) => res.headers.set(name, value));
    if (e instanceof AppError && e.code === "TOO_MANY_REQUESTS" && typeof e.details?.seconds === "number")
      res.headers.set("Retry-After", String(e.details.seconds));
    return res;
  }
}

/**
 * CORS preflight. The tenant of a POST travels in a header or the body, which a preflight does not
 * carry, so a preflight is answered for any origin unless the URL names the tenant (?tenant=); the
 * real request then enforces the allow-list (403 without Access-Control-Allow-Origin).
 */
export async function widgetPreflight(req: Request): Promise<Response> {
  const origin = req.headers.get("origin");
  const headers = new Headers({
    Vary: "Origin",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": ALLOWED_HEADERS,
    "Access-Control-Max-Age": "600",
  });
  const slug = new URL(req.url).searchParams.get("tenant");
  const tenant = slug ? await findWidgetTenant(slug).catch(() => null) : null;
  if (tenant && !decideOrigin(origin, tenant.settings.allowedOrigins, req.headers.get("host")).allowed)
    return new Response(null, { status: 403, headers });
  if (origin) headers.set("Access-Control-Allow-Origin", origin);
  return new Response(null, { status: 204, headers });
}
