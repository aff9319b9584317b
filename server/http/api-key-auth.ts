import { AppError } from "../errors";
import { rateLimit } from "../rate-limit";
import { resolveApiKey } from "../services/apikeys/api-keys";

// The REST channel's authentication: `Authorization: Bearer <tenant API key>`, then a per-key rate
// limit (shared through Redis when configured). Returns the key's tenant.

const PER_MINUTE = 600;

export async function authenticateApiKey(req: Request): Promise<{ tenantId: string; apiKeyId: string }> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError("UNAUTHORIZED", "Send your API key as 'Authorization: Bearer <key>'");
  const key = await resolveApiKey(match[1]);
  if (!key) throw new AppError("UNAUTHORIZED", "Unknown or revoked API key");
  await rateLimit("api-key", key.apiKeyId, { points: PER_MINUTE, durationSec: 60 });
  return key;
}

/** Reads a JSON body of at most `maxBytes`, with clear errors for the wrong type, size or syntax. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().includes("application/json"))
    throw new AppError("BAD_REQUEST", "Send the body as application/json");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON");
  }
}
