import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { assignRequestId, normaliseForwarding } from "./request-context";

const req = (headers: Record<string, string>, remoteAddress = "10.1.2.3", encrypted = false) =>
  ({ headers: { ...headers }, socket: { remoteAddress, encrypted } }) as unknown as IncomingMessage;

describe("request context", () => {
  it("keeps a well-formed request id and replaces a malformed one", () => {
    expect(assignRequestId(req({ "x-request-id": "abc-123" }))).toBe("abc-123");
    const id = assignRequestId(req({ "x-request-id": "bad id <script>" }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("ignores client-sent forwarding headers unless a proxy is trusted", () => {
    const spoofed = req({ "x-forwarded-for": "1.1.1.1", "x-forwarded-proto": "https" });
    expect(normaliseForwarding(spoofed, false)).toEqual({ https: false });
    expect(spoofed.headers["x-forwarded-for"]).toBe("10.1.2.3");
    const proxied = req({ "x-forwarded-for": "1.1.1.1", "x-forwarded-proto": "https" });
    expect(normaliseForwarding(proxied, true)).toEqual({ https: true }); // → HSTS
    expect(proxied.headers["x-forwarded-for"]).toBe("1.1.1.1");
  });
});
