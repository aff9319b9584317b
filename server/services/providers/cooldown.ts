import { clip, type ProviderError } from "./provider-error";

// A per-provider circuit: after `failureThreshold` consecutive failed calls a provider is skipped until
// its cool-down ends; then it gets one call ("half-open") — a success closes the circuit, a failure opens
// it again at once because the count is still over the threshold. The state mirrors the AiProvider
// columns (failureCount, cooldownUntil, lastError); the gateway keeps it in a store and reports changes
// through hooks, so the caller decides how to persist them (the gateway writes no database code).

export type TProviderHealth = { failureCount: number; cooldownUntil: Date | null; lastError: string | null };

export interface TCooldownStore {
  get(providerId: string): TProviderHealth | undefined;
  set(providerId: string, health: TProviderHealth): void;
}

export type TCooldownOptions = {
  store?: TCooldownStore;
  failureThreshold?: number;
  cooldownMs?: number;
  now?: () => number;
  /** awaited; a failing hook is reported to onHookError and does not fail the call */
  onFailure?: (providerId: string, health: TProviderHealth, error: ProviderError) => void | Promise<void>;
  /** only called when a success clears an earlier failure, to spare a write per answer */
  onSuccess?: (providerId: string, health: TProviderHealth) => void | Promise<void>;
  onHookError?: (error: unknown) => void;
};

export type TCooldown = {
  health(providerId: string): TProviderHealth;
  /** ms left in the cool-down, 0 when the provider may be called */
  remainingMs(providerId: string): number;
  recordFailure(providerId: string, error: ProviderError): Promise<TProviderHealth>;
  recordSuccess(providerId: string): Promise<void>;
};

export const COOLDOWN_DEFAULTS = { failureThreshold: 3, cooldownMs: 60_000 };
const HEALTHY: TProviderHealth = { failureCount: 0, cooldownUntil: null, lastError: null };

export function createMemoryCooldownStore(initial: Record<string, TProviderHealth> = {}): TCooldownStore {
  const map = new Map(Object.entries(initial));
  return { get: (id) => map.get(id), set: (id, health) => void map.set(id, health) };
}

// One store per process (on globalThis: Next may load this module in several layers), so that
// consecutive messages share what earlier ones learnt about a provider.
const KEY = Symbol.for("kefu.providers.cooldown");
type G = typeof globalThis & { [KEY]?: TCooldownStore };
export function processCooldownStore(): TCooldownStore {
  const g = globalThis as G;
  return (g[KEY] ??= createMemoryCooldownStore());
}

export function createCooldown(opts: TCooldownOptions = {}): TCooldown {
  const store = opts.store ?? processCooldownStore();
  const threshold = Math.max(1, opts.failureThreshold ?? COOLDOWN_DEFAULTS.failureThreshold);
  const cooldownMs = opts.cooldownMs ?? COOLDOWN_DEFAULTS.cooldownMs;
  const now = opts.now ?? Date.now;
  const health = (id: string) => store.get(id) ?? HEALTHY;
  const runHook = async (hook: () => void | Promise<void>) => {
    try {
      await hook();
    } catch (e) {
      opts.onHookError?.(e);
    }
  };

  return {
    health,
    remainingMs: (id) => Math.max(0, (health(id).cooldownUntil?.getTime() ?? 0) - now()),
    async recordFailure(id, error) {
      const before = health(id);
      const failureCount = before.failureCount + 1;
      let until = failureCount >= threshold ? now() + cooldownMs : 0;
      // A vendor that told us when to come back is believed, within the usual cool-down.
      if (error.kind === "rate_limited" && error.retryAfterMs)
        until = Math.max(until, now() + Math.min(error.retryAfterMs, cooldownMs));
      const next: TProviderHealth = {
        failureCount,
        cooldownUntil: until ? new Date(until) : null,
        lastError: clip(`${error.kind}: ${error.message}`, 500),
      };
      store.set(id, next);
      if (opts.onFailure) await runHook(() => opts.onFailure?.(id, next, error));
      return next;
    },
    async recordSuccess(id) {
      const before = health(id);
      if (before.failureCount === 0 && !before.cooldownUntil && !before.lastError) return;
      const next = { ...HEALTHY };
      store.set(id, next);
      if (opts.onSuccess) await runHook(() => opts.onSuccess?.(id, next));
    },
  };
}
