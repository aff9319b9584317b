import type { TLocale, TSendResult, TSession, TStatus, TUser, TWidgetConfig } from "./types";

// The widget's HTTP client for /api/widget/* on the Kefu origin (cross-origin from the shop page, so
// every call is a CORS request; the server answers only origins the tenant allows).

export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 when the network failed */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type TIdentity = { visitorId: string; token: string };

export class WidgetApi {
  identity: TIdentity | null = null;

  constructor(
    readonly origin: string,
    readonly tenant: string,
  ) {}

  config(): Promise<TWidgetConfig> {
    return this.call("GET", `/api/widget/config?tenant=${encodeURIComponent(this.tenant)}`);
  }

  session(saved: TIdentity | null, locale: TLocale): Promise<TSession> {
    return this.call("POST", "/api/widget/session", {
      tenant: this.tenant,
      locale,
      ...(saved ? { visitorId: saved.visitorId, token: saved.token } : {}),
    });
  }

  sendMessage(text: string, clientId: string, locale: TLocale): Promise<TSendResult> {
    // the bot answers within this request, and a slow model may take a while
    return this.call("POST", "/api/widget/messages", { text, clientId, locale }, 60_000);
  }

  setUser(user: TUser): Promise<{ ok: true }> {
    return this.call("POST", "/api/widget/user", user);
  }

  handoff(): Promise<{ status: TStatus; conversationId?: string }> {
    return this.call("POST", "/api/widget/handoff", {});
  }

  rate(conversationId: string, score: number, comment?: string): Promise<{ ok: true }> {
    return this.call("POST", "/api/widget/rating", {
      conversationId,
      score,
      ...(comment ? { comment } : {}),
    });
  }

  private async call<T>(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    timeoutMs = 15_000,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.identity) {
      headers.Authorization = `Bearer ${this.identity.token}`;
      headers["X-Kefu-Visitor"] = this.identity.visitorId;
      headers["X-Kefu-Tenant"] = this.tenant;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    let res: Response;
    try {
      res = await fetch(this.origin + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "omit", // the visitor token is the only credential; never the Kefu session cookie
        signal: abort.signal,
      });
    } catch (e) {
      throw new ApiError(0, "NETWORK", e instanceof Error ? e.message : "network error");
    } finally {
      clearTimeout(timer);
    }
    const data = (await res.json().catch(() => null)) as
      (T & { error?: { code?: string; message?: string } }) | null;
    if (!res.ok || !data) {
      const err = data?.error;
      throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText);
    }
    return data;
  }
}
