import { describe, expect, it, vi } from "vitest";
import { createCooldown, createMemoryCooldownStore } from "./cooldown";
import { ProviderError } from "./provider-error";

function clock(start = Date.parse("2025-01-01T00:00:00Z")) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}
const timeout = new ProviderError("timeout", "No answer within 100 ms");

describe("cool-down", () => {
  it("opens after three consecutive failures and closes again when the cool-down expires", async () => {
    const c = clock();
    const cd = createCooldown({ store: createMemoryCooldownStore(), now: c.now });
    await cd.recordFailure("p1", timeout);
    await cd.recordFailure("p1", timeout);
    expect(cd.remainingMs("p1")).toBe(0);
    const health = await cd.recordFailure("p1", timeout);
    expect(health).toEqual({
      failureCount: 3,
      cooldownUntil: new Date(c.now() + 60_000),
      lastError: "timeout: No answer within 100 ms",
    });
    expect(cd.remainingMs("p1")).toBe(60_000);
    expect(cd.remainingMs("p2")).toBe(0);

    c.advance(59_999);
    expect(cd.remainingMs("p1")).toBe(1);
    c.advance(1);
    expect(cd.remainingMs("p1")).toBe(0);
  });

  it("re-opens on the first failure after the cool-down, and a success resets everything", async () => {
    const c = clock();
    const cd = createCooldown({
      store: createMemoryCooldownStore(),
      now: c.now,
      failureThreshold: 2,
      cooldownMs: 1000,
    });
    await cd.recordFailure("p", timeout);
    await cd.recordFailure("p", timeout);
    c.advance(1000);
    expect(cd.remainingMs("p")).toBe(0);
    await cd.recordFailure("p", timeout);
    expect(cd.remainingMs("p")).toBe(1000);
    c.advance(1000);
    await cd.recordSuccess("p");
    expect(cd.health("p")).toEqual({ failureCount: 0, cooldownUntil: null, lastError: null });
    await cd.recordFailure("p", timeout);
    expect(cd.remainingMs("p")).toBe(0);
  });

  it("reports changes through hooks, and only successes that clear a failure", async () => {
    const onFailure = vi.fn();
    const onSuccess = vi.fn();
    const cd = createCooldown({ store: createMemoryCooldownStore(), onFailure, onSuccess });
    await cd.recordSuccess("p");
    expect(onSuccess).not.toHaveBeenCalled();
    await cd.recordFailure("p", timeout);
    expect(onFailure).toHaveBeenCalledWith("p", expect.objectContaining({ failureCount: 1 }), timeout);
    await cd.recordSuccess("p");
    await cd.recordSuccess("p");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith("p", { failureCount: 0, cooldownUntil: null, lastError: null });
  });

  it("keeps working when a persistence hook fails", async () => {
    const onHookError = vi.fn();
    const cd = createCooldown({
      store: createMemoryCooldownStore(),
      onFailure: async () => {
        throw new Error("db down");
      },
      onHookError,
    });
    await expect(cd.recordFailure("p", timeout)).resolves.toMatchObject({ failureCount: 1 });
    expect(onHookError).toHaveBeenCalledWith(expect.objectContaining({ message: "db down" }));
  });

  it("starts from persisted state and believes a vendor's Retry-After", async () => {
    const c = clock();
    const store = createMemoryCooldownStore({
      cold: { failureCount: 5, cooldownUntil: new Date(c.now() + 5000), lastError: "timeout: x" },
    });
    const cd = createCooldown({ store, now: c.now });
    expect(cd.remainingMs("cold")).toBe(5000);
    await cd.recordFailure("limited", new ProviderError("rate_limited", "429", { retryAfterMs: 30_000 }));
    expect(cd.remainingMs("limited")).toBe(30_000);
    await cd.recordFailure("greedy", new ProviderError("rate_limited", "429", { retryAfterMs: 3_600_000 }));
    expect(cd.remainingMs("greedy")).toBe(60_000);
  });
});
