import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { getToken } from "next-auth/jwt";
import { z } from "zod";
import { trustProxy } from "../auth/client-ip";
import { can } from "../auth/permissions";
import { db } from "../db/client";
import { env } from "../env";

// Who opens a workbench socket: the NextAuth session cookie (a JWE signed with NEXTAUTH_SECRET, the
// same one the pages use), a member of the tenant whose role has workbench.use, and a page of this
// server — browsers send cookies with cross-site WebSocket handshakes, so the Origin is checked
// (cross-site WebSocket hijacking). The handshake is accepted and then closed with the code, so the
// client can tell "sign in again" (4401) from "not allowed" (4403).

export const CLOSE_BAD_REQUEST = 4400;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;

export type TWorkbenchIdentity = {
  tenantId: string;
  userId: string;
  /** when the session cookie expires (ms since epoch); the socket closes 4401 then */
  expiresAt: number | null;
};

export type TWorkbenchVerdict =
  { ok: true; who: TWorkbenchIdentity } | { ok: false; code: number; reason: string };

const ZTenantId = z.string().uuid();

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The origins pages of this server are served from (as the browser sees them). */
export function ownOrigins(req: IncomingMessage): Set<string> {
  const e = env();
  const proxied = trustProxy();
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  const proto =
    encrypted || (proxied && first(req.headers["x-forwarded-proto"]) === "https") ? "https" : "http";
  const hosts = [req.headers.host, proxied ? first(req.headers["x-forwarded-host"]) : undefined];
  const origins = new Set<string>();
  for (const host of hosts) if (host) origins.add(`${proto}://${host.toLowerCase()}`);
  for (const url of [e.PUBLIC_URL, e.NEXTAUTH_URL]) if (url) origins.add(new URL(url).origin);
  return origins;
}

export function originAllowed(req: IncomingMessage): boolean {
  const origin = first(req.headers.origin);
  if (!origin) return false;
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return false;
  }
  return ownOrigins(req).has(normalised);
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // a malformed cookie is not ours; ignore it
    }
  }
  return out;
}

/** The signed-in user of the handshake, from the session cookie; null when missing or invalid. */
export async function sessionOf(
  req: IncomingMessage,
): Promise<{ userId: string; expiresAt: number | null } | null> {
  const e = env();
  if (!e.NEXTAUTH_SECRET) return null;
  const cookies = parseCookies(first(req.headers.cookie));
  const secureCookie = Object.keys(cookies).some((n) => n.startsWith("__Secure-next-auth.session-token"));
  // only the cookie counts: no "Authorization: Bearer" fallback for a browser socket
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: e.NEXTAUTH_SECRET,
    secureCookie,
  });
  const uid = token && typeof token.uid === "string" ? token.uid : null;
  if (!uid) return null;
  const exp = typeof token?.exp === "number" ? token.exp * 1000 : null;
  return { userId: uid, expiresAt: exp };
}

export async function authenticateWorkbench(req: IncomingMessage): Promise<TWorkbenchVerdict> {
  const tenantId = new URL(req.url ?? "/", "http://localhost").searchParams.get("tenantId") ?? "";
  if (!ZTenantId.safeParse(tenantId).success)
    return { ok: false, code: CLOSE_BAD_REQUEST, reason: "tenantId must be a uuid" };
  if (!originAllowed(req)) return { ok: false, code: CLOSE_FORBIDDEN, reason: "origin not allowed" };
  const session = await sessionOf(req);
  if (!session) return { ok: false, code: CLOSE_UNAUTHORIZED, reason: "sign in" };
  const allowed = await mayUseWorkbench(tenantId, session.userId);
  if (!allowed) return { ok: false, code: CLOSE_FORBIDDEN, reason: "not allowed" };
  return { ok: true, who: { tenantId, userId: session.userId, expiresAt: session.expiresAt } };
}

/** Membership with workbench.use (checked again on every heartbeat: roles change, members leave). */
export async function mayUseWorkbench(tenantId: string, userId: string): Promise<boolean> {
  const client = await db();
  const membership = await client.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId } },
    select: { role: true },
  });
  return Boolean(membership && can(membership.role, "workbench.use"));
}
