import pino, { type Logger } from "pino";
import { env } from "./env";

// Structured JSON logs. One root logger per process (on globalThis, because Next loads this module in
// several layers); request handlers log through a child carrying the request id.

const KEY = Symbol.for("kefu.logger");
type G = typeof globalThis & { [KEY]?: Logger };

export function logger(): Logger {
  const g = globalThis as G;
  return (g[KEY] ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "kefu" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "password",
        "*.password",
        "apiKey",
        "*.apiKey",
        "token",
        "*.token",
        "req.headers.authorization",
        "req.headers.cookie",
      ],
      censor: "[redacted]",
    },
  }));
}

export function requestLogger(requestId: string): Logger {
  return logger().child({ requestId });
}
