import { z } from "zod";

const ZPairResponse = z.object({
  deviceId: z.string().min(1),
  deviceToken: z.string().min(1),
  tenantId: z.string().min(1),
  wsUrl: z.string().url(),
});
export type TPairResponse = z.infer<typeof ZPairResponse>;

const ZErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type TPairErrorKind =
  "invalid_code" | "expired" | "bad_request" | "rate_limited" | "server" | "network";

/** A pairing failure with a message meant for the person at the keyboard. */
export class PairingError extends Error {
  constructor(
    readonly kind: TPairErrorKind,
    message: string,
    readonly status?: number,
    readonly serverCode?: string,
  ) {
    super(message);
  }
}

const HINTS: Record<number, [TPairErrorKind, string]> = {
  400: ["bad_request", "The server rejected the pairing request"],
  404: ["invalid_code", "Unknown or already used pairing code; create a new one in the dashboard"],
  410: ["expired", "The pairing code has expired (codes last 10 minutes); create a new one"],
  429: ["rate_limited", "Too many pairing attempts; wait a minute and try again"],
};

export type TPairRequest = { code: string; deviceName: string; platform: string; agentVersion: string };

export async function pairDevice(
  server: string,
  request: TPairRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<TPairResponse> {
  const url = new URL("/api/agent/pair", server).toString();
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new PairingError("network", `Cannot reach ${url}: ${(err as Error).message}`);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 200) {
    const parsed = ZPairResponse.safeParse(body);
    if (!parsed.success) throw new PairingError("server", "The server's pairing answer is malformed", 200);
    return parsed.data;
  }
  const error = ZErrorBody.safeParse(body);
  const [kind, hint] = HINTS[res.status] ?? ["server", `Pairing failed with HTTP ${res.status}`];
  const detail = error.success ? ` (${error.data.error.code}: ${error.data.error.message})` : "";
  throw new PairingError(kind, hint + detail, res.status, error.success ? error.data.error.code : undefined);
}
