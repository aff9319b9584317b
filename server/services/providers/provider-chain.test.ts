import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { behave, startFakeVendor, type TFakeVendor } from "../../../tests/fakes/fake-llm-vendor";
import { noSleep, vendorConfig } from "./__fixtures__/vendor-configs";
import { createCooldown, createMemoryCooldownStore } from "./cooldown";
import { runProviderChain } from "./provider-chain";

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor();
});
afterAll(() => vendor.close());
beforeEach(() => vendor.reset());

const request = { system: "Be brief.", messages: [{ role: "user" as const, content: "Where is my order?" }] };

function setup(retries = 1) {
  let t = Date.parse("2025-01-01T00:00:00Z");
  const onFailure = vi.fn();
  const onSuccess = vi.fn();
  const cooldown = createCooldown({ store: createMemoryCooldownStore(), now: () => t, onFailure, onSuccess });
  return {
    opts: { cooldown, retry: { retries, sleep: noSleep } },
    cooldown,
    onFailure,
    onSuccess,
    advance: (ms: number) => void (t += ms),
  };
}

describe("runProviderChain", () => {
  it("falls back when the primary times out, recording every attempt", async () => {
    const primary = vendorConfig(vendor, "OPENAI", { model: "primary-model", timeoutMs: 100 });
    const fallback = vendorConfig(vendor, "ANTHROPIC", { model: "fallback-model" });
    vendor.setBehaviour(behave.timeout(), { model: "primary-model" });
    vendor.setBehaviour(behave.ok("From the fallback."), { model: "fallback-model" });
    const { opts, cooldown, onFailure } = setup(1);

    const out = await runProviderChain([primary, fallback], request, opts);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result).toMatchObject({
      content: "From the fallback.",
      providerId: fallback.id,
      kind: "ANTHROPIC",
    });
    expect(out.attempts.map((a) => [a.providerId, a.retry, a.ok, a.errorKind])).toEqual([
      [primary.id, 0, false, "timeout"],
      [primary.id, 1, false, "timeout"],
      [fallback.id, 0, true, null],
    ]);
    expect(out.attempts[0].latencyMs).toBeGreaterThanOrEqual(90);
    expect(out.attempts[2].tokensOut).toBe(out.result.tokensOut);
    expect(cooldown.health(primary.id).failureCount).toBe(1);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it("returns ok:false with every attempt when all providers are down, and never throws", async () => {
    vendor.setBehaviour(behave.serverError(503));
    const providers = [
      vendorConfig(vendor, "DEEPSEEK"),
      vendorConfig(vendor, "GEMINI", { apiKey: "wrong" }),
      { ...vendorConfig(vendor, "OPENAI_COMPATIBLE"), baseUrl: null },
    ];
    const { opts } = setup(2);
    const out = await runProviderChain(providers, request, opts);
    expect(out).toMatchObject({ ok: false, reason: "all_failed" });
    expect(out.attempts.map((a) => `${a.kind}:${a.errorKind}`)).toEqual([
      "DEEPSEEK:server_error",
      "DEEPSEEK:server_error",
      "DEEPSEEK:server_error",
      "GEMINI:auth", // not retried
      "OPENAI_COMPATIBLE:bad_request", // misconfigured: recorded, not thrown
    ]);
    expect(out.attempts.every((a) => !a.ok && a.error)).toBe(true);
  });

  it("skips a provider in its cool-down and tries it again once the cool-down expires", async () => {
    const flaky = vendorConfig(vendor, "QWEN", { model: "flaky" });
    const backup = vendorConfig(vendor, "MOONSHOT", { model: "backup" });
    vendor.setBehaviour(behave.serverError(), { model: "flaky" });
    const { opts, advance, onSuccess } = setup(0);

    for (let i = 0; i < 3; i++) await runProviderChain([flaky, backup], request, opts);
    expect(vendor.requests.filter((r) => r.model === "flaky")).toHaveLength(3);

    const skipped = await runProviderChain([flaky, backup], request, opts);
    expect(skipped.ok).toBe(true);
    expect(skipped.attempts.map((a) => a.providerId)).toEqual([backup.id]);
    expect(skipped.skipped).toEqual([
      { providerId: flaky.id, provider: flaky.name, reason: "cooling_down", retryInMs: 60_000 },
    ]);
    expect(vendor.requests.filter((r) => r.model === "flaky")).toHaveLength(3);

    advance(60_000);
    vendor.setBehaviour(behave.ok("recovered"), { model: "flaky" });
    const back = await runProviderChain([flaky, backup], request, opts);
    expect(back.ok && back.result.content).toBe("recovered");
    expect(onSuccess).toHaveBeenCalledWith(flaky.id, {
      failureCount: 0,
      cooldownUntil: null,
      lastError: null,
    });
  });

  it("skips disabled providers and reports an empty chain as no_providers", async () => {
    const { opts } = setup();
    const out = await runProviderChain(
      [{ ...vendorConfig(vendor, "OPENAI"), enabled: false }],
      request,
      opts,
    );
    expect(out).toMatchObject({ ok: false, reason: "no_providers", attempts: [] });
    expect(out.skipped[0].reason).toBe("disabled");
    expect(vendor.requests).toHaveLength(0);
    await expect(runProviderChain([], request, opts)).resolves.toMatchObject({
      ok: false,
      reason: "no_providers",
    });
  });

  it("tells a streaming channel to discard a partial answer before the fallback streams", async () => {
    const primary = vendorConfig(vendor, "OPENAI", { model: "stalls", timeoutMs: 100 });
    const fallback = vendorConfig(vendor, "GEMINI", { model: "steady" });
    vendor.setBehaviour(behave.stall(3, "This answer never finishes."), { model: "stalls" });
    vendor.setBehaviour(behave.ok("完整的回答。"), { model: "steady" });
    let shown = "";
    const onReset = vi.fn(() => void (shown = ""));
    const { opts } = setup(0);
    const out = await runProviderChain([primary, fallback], request, {
      ...opts,
      onDelta: (d) => (shown += d),
      onReset,
    });
    expect(out.ok).toBe(true);
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(shown).toBe("完整的回答。");
  });

  it("stops when the caller aborts, without blaming the provider", async () => {
    vendor.setBehaviour(behave.timeout());
    const { opts, cooldown } = setup();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const providers = [vendorConfig(vendor, "OPENAI"), vendorConfig(vendor, "DEEPSEEK")];
    const out = await runProviderChain(providers, request, { ...opts, signal: controller.signal });
    expect(out).toMatchObject({ ok: false, reason: "aborted", attempts: [] });
    expect(cooldown.health(providers[0].id).failureCount).toBe(0);
    expect(vendor.requests).toHaveLength(1);
  });
});
