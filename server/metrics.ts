import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// Prometheus metrics on one registry per process (globalThis: Next loads modules in several layers and
// prom-client refuses to register a metric twice). docs/operations.md lists every metric.
//
// No metric carries a tenantId (or conversation, device, user) label on purpose: every label value
// becomes its own time series, and thousands of tenants times channels times buckets would swamp
// Prometheus. Per-tenant numbers live in the database (dashboard, JobRun, usage); labels here are
// small fixed sets (enums, job ids, error kinds).

export type TGatewayKind = "device" | "workbench" | "widget";
export type TMessageRole = "customer" | "bot" | "agent";
export type TProviderPurpose = "chat" | "embedding";
export type TJobStatus = "succeeded" | "failed";

type TMetrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "status">;
  httpDuration: Histogram<"method">;
  loginAttempts: Counter<"result">;
  messages: Counter<"channel" | "role">;
  pipelineDuration: Histogram<"channel" | "action">;
  providerCalls: Counter<"provider_kind" | "purpose" | "result">;
  providerDuration: Histogram<"provider_kind" | "purpose">;
  gatewayConnections: Gauge<"kind">;
  jobRuns: Counter<"function" | "status">;
  jobDuration: Histogram<"function">;
};

const KEY = Symbol.for("kefu.metrics");
type G = typeof globalThis & { [KEY]?: TMetrics };

export function metrics(): TMetrics {
  const g = globalThis as G;
  if (g[KEY]) return g[KEY];
  const registry = new Registry();
  registry.setDefaultLabels({ service: "kefu" });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  g[KEY] = {
    registry,
    httpRequests: new Counter({
      name: "kefu_http_requests_total",
      help: "HTTP requests by method and status",
      labelNames: ["method", "status"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "kefu_http_request_duration_seconds",
      help: "HTTP request duration",
      labelNames: ["method"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    loginAttempts: new Counter({
      name: "kefu_login_attempts_total",
      help: "Login attempts by result",
      labelNames: ["result"],
      registers,
    }),
    messages: new Counter({
      name: "kefu_messages_total",
      help: "Messages stored: inbound customer messages and outbound bot and agent replies",
      labelNames: ["channel", "role"],
      registers,
    }),
    pipelineDuration: new Histogram({
      name: "kefu_pipeline_duration_seconds",
      help: "Time from an incoming customer message to its stored outcome, by channel and action",
      labelNames: ["channel", "action"],
      // a rule hit answers in milliseconds, a slow model with retries takes tens of seconds
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
      registers,
    }),
    providerCalls: new Counter({
      name: "kefu_provider_calls_total",
      help: "Calls to AI providers (each retry counts); result is ok or the error kind",
      labelNames: ["provider_kind", "purpose", "result"],
      registers,
    }),
    providerDuration: new Histogram({
      name: "kefu_provider_call_duration_seconds",
      help: "Duration of one AI provider call, failed ones included",
      labelNames: ["provider_kind", "purpose"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60],
      registers,
    }),
    gatewayConnections: new Gauge({
      name: "kefu_gateway_connections",
      help: "Open WebSocket connections on this instance: device agents, workbench and widget browsers",
      labelNames: ["kind"],
      registers,
    }),
    jobRuns: new Counter({
      name: "kefu_job_runs_total",
      help: "Background job runs by function and final status",
      labelNames: ["function", "status"],
      registers,
    }),
    jobDuration: new Histogram({
      name: "kefu_job_duration_seconds",
      help: "Duration of in-process background job runs, retries included",
      labelNames: ["function"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers,
    }),
  };
  return g[KEY];
}

/** Channel enums (WECHAT, WIDGET, API) as lower-case label values. */
export function countMessage(channel: string, role: TMessageRole): void {
  metrics().messages.inc({ channel: channel.toLowerCase(), role });
}

export function observePipeline(channel: string, action: string, seconds: number): void {
  metrics().pipelineDuration.observe({ channel: channel.toLowerCase(), action }, seconds);
}

export function observeProviderCall(
  kind: string,
  purpose: TProviderPurpose,
  result: string,
  seconds: number,
): void {
  const provider_kind = kind.toLowerCase();
  metrics().providerCalls.inc({ provider_kind, purpose, result });
  metrics().providerDuration.observe({ provider_kind, purpose }, seconds);
}

/**
 * Counts a connection as open and returns its release. The release decrements at most once, however
 * often it is called (close handlers, shutdown and errors can all fire), so the gauge cannot drift
 * below the number of sockets really open.
 */
export function trackGatewayConnection(kind: TGatewayKind): () => void {
  metrics().gatewayConnections.inc({ kind });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    metrics().gatewayConnections.dec({ kind });
  };
}

/** seconds is left out on the Inngest path, where one invocation is not the whole run. */
export function observeJobRun(fn: string, status: TJobStatus, seconds?: number): void {
  metrics().jobRuns.inc({ function: fn, status });
  if (seconds !== undefined) metrics().jobDuration.observe({ function: fn }, seconds);
}
