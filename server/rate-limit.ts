import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "./env";
import { AppError } from "./errors";
import { redis } from "./redis";

// Named limiters (per process in memory, or shared through Redis when REDIS_URL is set).
const KEY = Symbol.for("kefu.rate-limiters");
type G = typeof globalThis & { [KEY]?: Map<string, RateLimiterAbstract> };

function limiter(name: string, points: number, durationSec: number): RateLimiterAbstract {
  const g = globalThis as G;
  const map = (g[KEY] ??= new Map());
  const id = `${name}:${points}:${durationSec}`;
  let l = map.get(id);
  if (!l) {
    const client = redis();
    l = client
      ? new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `kefu:rl:${id}`, // one key space per (name, points, duration)
          points,
          duration: durationSec,
        })
      : new RateLimiterMemory({ keyPrefix: name, points, duration: durationSec });
    map.set(id, l);
  }
  return l;
}

/** Consumes one point; false when the key has none left (callers that answer politely themselves). */
export async function tryConsume(
  name: string,
  key: string,
  opts: { points: number; durationSec: number },
): Promise<boolean> {
  try {
    await limiter(name, opts.points, opts.durationSec).consume(key);
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/** Consumes one point or throws TOO_MANY_REQUESTS with the wait in seconds. */
export async function rateLimit(name: string, key: string, opts: { points: number; durationSec: number }) {
  try {
    await limiter(name, opts.points, opts.durationSec).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const seconds = Math.ceil(e.msBeforeNext / 1000);
      throw new AppError("TOO_MANY_REQUESTS", `Too many requests; try again in ${seconds} s`, undefined, {
        seconds,
      });
    }
    throw e;
  }
}

/**
 * A limit per client IP, scaled by KEFU_IP_LIMIT_SCALE: many people behind one address (an office,
 * a test harness) must not lock each other out of signing in.
 */
export function perIp(points: number): number {
  return points * env().KEFU_IP_LIMIT_SCALE;
}
