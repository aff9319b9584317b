import Redis from "ioredis";
import { env } from "./env";

// One shared Redis connection when REDIS_URL is set (rate limits, and later the gateway's fan-out);
// null in the embedded default.
const KEY = Symbol.for("kefu.redis");
type G = typeof globalThis & { [KEY]?: Redis | null };

export function redis(): Redis | null {
  const g = globalThis as G;
  if (g[KEY] !== undefined) return g[KEY];
  const url = env().REDIS_URL;
  g[KEY] = url
    ? new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false })
    : null;
  return g[KEY];
}
