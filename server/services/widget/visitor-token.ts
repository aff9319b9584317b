import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../env";
import { AppError } from "../../errors";

// A widget visitor proves who it is with a token issued by POST /api/widget/session: an HMAC of
// "tenantId:visitorId" under a key derived from the server secret. Stateless (nothing stored, every
// instance can check it), bound to one tenant, and compared in constant time. Rotating
// NEXTAUTH_SECRET invalidates every visitor token (visitors then simply start anew).

const KEY_LABEL = "kefu widget visitor token v1";

function tokenKey(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new AppError("INTERNAL", "NEXTAUTH_SECRET is not configured");
  // a key of its own, so a token can never double as any other HMAC made with the session secret
  return createHmac("sha256", secret).update(KEY_LABEL).digest();
}

export function signVisitorToken(tenantId: string, visitorId: string): string {
  return createHmac("sha256", tokenKey()).update(`${tenantId}:${visitorId}`).digest("base64url");
}

export function verifyVisitorToken(tenantId: string, visitorId: string, token: string): boolean {
  if (!token || token.length > 100) return false;
  const expected = Buffer.from(signVisitorToken(tenantId, visitorId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
