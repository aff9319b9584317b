import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

// Prometheus metrics on one registry per process (globalThis: Next loads modules in several layers and
// prom-client refuses to register a metric twice).

type TMetrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "status">;
  httpDuration: Histogram<"method">;
  loginAttempts: Counter<"result">;
};

const KEY = Symbol.for("kefu.metrics");
type G = typeof globalThis & { [KEY]?: TMetrics };

export function metrics(): TMetrics {
  const g = globalThis as G;
  if (g[KEY]) return g[KEY];
  const registry = new Registry();
  registry.setDefaultLabels({ service: "kefu" });
  collectDefaultMetrics({ register: registry });
  g[KEY] = {
    registry,
    httpRequests: new Counter({
      name: "kefu_http_requests_total",
      help: "HTTP requests by method and status",
      labelNames: ["method", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "kefu_http_request_duration_seconds",
      help: "HTTP request duration",
      labelNames: ["method"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    loginAttempts: new Counter({
      name: "kefu_login_attempts_total",
      help: "Login attempts by result",
      labelNames: ["result"],
      registers: [registry],
    }),
  };
  return g[KEY];
}
