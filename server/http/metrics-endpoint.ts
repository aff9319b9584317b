import type { IncomingMessage, ServerResponse } from "node:http";
import { safeEqual } from "../crypto/secrets";
import { env } from "../env";
import { metrics } from "../metrics";

/** GET /metrics in Prometheus text format; behind a bearer token when METRICS_TOKEN is set. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = env().METRICS_TOKEN;
  if (token && !safeEqual(req.headers.authorization ?? "", `Bearer ${token}`)) {
    res.writeHead(401, { "Content-Type": "text/plain" }).end("unauthorized");
    return;
  }
  const { registry } = metrics();
  res.writeHead(200, { "Content-Type": registry.contentType }).end(await registry.metrics());
}
