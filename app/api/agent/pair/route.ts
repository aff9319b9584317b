import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { errorResponse } from "@/server/http/error-response";
import { publicUrl } from "@/server/public-url";
import { rateLimit } from "@/server/rate-limit";
import { pairDevice, ZPairRequest } from "@/server/services/devices/pairing";

export const dynamic = "force-dynamic";

// POST /api/agent/pair — the agent exchanges a pairing code for a device token (docs/agent-protocol.md §1).
// 400 bad body, 404 unknown/used code, 410 expired, 429 too many attempts from this address.

const MAX_BODY = 8 * 1024;
const ATTEMPTS_PER_MINUTE = 10;

export async function POST(req: Request) {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    await rateLimit("agent-pair", clientIpFromHeaders(req.headers) ?? "unknown", {
      points: ATTEMPTS_PER_MINUTE,
      durationSec: 60,
    });
    const text = await req.text();
    if (Buffer.byteLength(text) > MAX_BODY) throw new AppError("BAD_REQUEST", "The body is too large");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON");
    }
    const paired = await pairDevice(ZPairRequest.parse(body));
    return Response.json({ ...paired, wsUrl: agentWsUrl(req) });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}

/** PUBLIC_URL when configured (a proxy in front), else the address the agent reached us at. */
function agentWsUrl(req: Request): string {
  let base = env().PUBLIC_URL;
  if (!base) {
    const host = req.headers.get("host");
    const proto =
      req.headers.get("x-forwarded-proto") === "https" ? "https" : new URL(req.url).protocol.replace(":", "");
    base = host ? `${proto}://${host}` : publicUrl();
  }
  const url = new URL("/agent/ws", base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}
