import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { redis } from "../../redis";
import type { TRateLimiter } from "../rules/rate-limits";

// The rules engine's per-chat and per-contact limits on rate-limiter-flexible: shared through Redis
// when REDIS_URL is set (several instances), in memory otherwise. One limiter per (points, seconds).

const KEY = Symbol.for("kefu.pipeline-limiters");
type G = typeof globalThis & { [KEY]?: Map<string, RateLimiterAbstract> };

function limiterFor(points: number, seconds: number): RateLimiterAbstract {
  const map = ((globalThis as G)[KEY] ??= new Map());
  const id = `${points}/${seconds}`;
  let limiter = map.get(id);
  if (!limiter) {
    const client = redis();
    const opts = { keyPrefix: `kefu:rules:${id}`, points, duration: seconds };
    limiter = client ? new RateLimiterRedis({ storeClient: client, ...opts }) : new RateLimiterMemory(opts);
    map.set(id, limiter);
  }
  return limiter;
}

export const pipelineRateLimiter: TRateLimiter = {
  async consume(key, points, seconds) {
    try {
      await limiterFor(points, seconds).consume(key);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  },
};
