import { db } from "../../db/client";
import { notFound } from "../../errors";
import { ErpError } from "./connector";
import type { TTestErpResult } from "./erp-connection-schemas";
import { connectorFor } from "./erp-connections";
import { assertErpUrlAllowed } from "./erp-url-guard";

// The "test connection" button: log in and read the first page of customers (read-only, small), with
// a time limit, so the admin sees at once whether the URL and credentials work. Not retried: a 智邦
// user is captcha-locked after three failed logins.

const TIMEOUT_MS = 10_000;

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`No answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

export async function testErpConnection(
  tenantId: string,
  connectionId: string,
  opts: { timeoutMs?: number } = {},
): Promise<TTestErpResult> {
  const client = await db();
  const conn = await client.erpConnection.findFirst({
    where: { id: connectionId, tenantId },
    select: { baseUrl: true },
  });
  if (!conn) throw notFound("ERP connection");
  await assertErpUrlAllowed(conn.baseUrl);
  const connector = await connectorFor(tenantId, connectionId);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const page = await withTimeout(connector.listCustomers(null), opts.timeoutMs ?? TIMEOUT_MS);
    return { ok: true, latencyMs: latency(), sample: page.items.length, error: null };
  } catch (e) {
    const kind = e instanceof Timeout ? "timeout" : e instanceof ErpError ? e.kind : "http";
    const message = ((e as Error).message || "Connection failed").slice(0, 300);
    return { ok: false, latencyMs: latency(), sample: null, error: { kind, message } };
  }
}
