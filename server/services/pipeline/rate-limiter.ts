import { tryConsume } from "../../rate-limit";
import type { TRateLimiter } from "../rules/rate-limits";

// The rules engine's per-chat and per-contact limits on the server's shared limiters (Redis when
// REDIS_URL is set, so all instances count together; memory otherwise).
export const pipelineRateLimiter: TRateLimiter = {
  consume: (key, points, seconds) => tryConsume("rules", key, { points, durationSec: seconds }),
};
