import { publicUrl } from "../../public-url";
import { normaliseOrigin } from "./origin-format";

// Which web pages may use a tenant's widget (its HTTP API and its WebSocket): the tenant's exact
// allowed origins, or any origin while the list is empty. Requests without an Origin header (server
// to server, curl) are not browser cross-origin requests and pass; so do pages of Kefu's own origin
// (the iframe page /widget/chat/<slug> calls the API same-origin, and browsers still send Origin on
// its POSTs). Framing of that page is restricted separately (frame-ancestors).

export type TOriginDecision =
  | {
      allowed: true;
      /** the value for Access-Control-Allow-Origin, null when no header is due */ echo: string | null;
    }
  | { allowed: false; echo: null };

export function decideOrigin(
  origin: string | null | undefined,
  allowedOrigins: readonly string[],
  /** the Host header the request was sent to (same-origin check) */
  host?: string | null,
): TOriginDecision {
  if (!origin) return { allowed: true, echo: null };
  if (allowedOrigins.length === 0) return { allowed: true, echo: origin };
  const normalised = normaliseOrigin(origin);
  if (!normalised) return { allowed: false, echo: null }; // "null" (sandboxed frames, file://) and junk
  if (allowedOrigins.includes(normalised) || isOwnOrigin(normalised, host))
    return { allowed: true, echo: origin };
  return { allowed: false, echo: null };
}

function isOwnOrigin(origin: string, host?: string | null): boolean {
  const url = new URL(origin);
  if (host && url.host === host.toLowerCase()) return true;
  return origin === new URL(publicUrl()).origin;
}
