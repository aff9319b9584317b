import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Adopts a well-formed incoming X-Request-Id or makes one; written back so route handlers see it. */
export function assignRequestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers["x-request-id"] = id;
  return id;
}

/**
 * Without a trusted proxy in front, X-Forwarded-* come from the client and are replaced by what the
 * socket says, so rate limits and audit entries see the real address.
 */
export function normaliseForwarding(req: IncomingMessage, trustProxy: boolean): { https: boolean } {
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  if (!trustProxy) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    req.headers["x-forwarded-proto"] = encrypted ? "https" : "http";
    return { https: encrypted };
  }
  return { https: encrypted || req.headers["x-forwarded-proto"] === "https" };
}
