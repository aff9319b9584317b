import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { behave, startFakeVendor, type TFakeVendor } from "../../../tests/fakes/fake-llm-vendor";
import { vendorConfig } from "./__fixtures__/vendor-configs";
import { backoffDelay, callWithRetry, sleep } from "./call-with-retry";
import { chat } from "./chat";
import { ProviderError } from "./provider-error";

const fail = (kind: ConstructorParameters<typeof ProviderError>[0], retryAfterMs?: number) =>
  new ProviderError(kind, kind, { retryAfterMs });

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe("callWithRetry", () => {
  it("retries retryable failures with growing, jittered delays, then succeeds", async () => {
    const { delays, sleep } = recorder();
    const fn = vi
      .fn()
      .mockRejectedValueOnce(fail("timeout"))
      .mockRejectedValueOnce(fail("server_error"))
      .mockResolvedValue("ok");
    await expect(callWithRetry(fn, { sleep, baseDelayMs: 100, random: () => 1 })).resolves.toBe("ok");
    expect(fn.mock.calls.map((c) => c[0])).toEqual([0, 1, 2]);
    expect(delays).toEqual([100, 200]);
  });

  it("gives up after the configured retries with the last error", async () => {
    const fn = vi.fn().mockRejectedValueOnce(fail("network")).mockRejectedValue(fail("server_error"));
    await expect(callWithRetry(fn, { retries: 2, sleep: recorder().sleep })).rejects.toMatchObject({
      kind: "server_error",
    });
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it.each(["auth", "bad_request", "bad_response"] as const)("does not retry %s", async (kind) => {
    const fn = vi.fn().mockRejectedValue(fail(kind));
    await expect(callWithRetry(fn, { sleep: recorder().sleep })).rejects.toMatchObject({ kind });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("waits exactly as long as Retry-After says, and not at all when it asks for more than the cap", async () => {
    const { delays, sleep } = recorder();
    const fn = vi.fn().mockRejectedValueOnce(fail("rate_limited", 1500)).mockResolvedValue("ok");
    await callWithRetry(fn, { sleep, random: () => 0 });
    expect(delays).toEqual([1500]);

    const tooLong = vi.fn().mockRejectedValue(fail("rate_limited", 60_000));
    await expect(callWithRetry(tooLong, { sleep, maxRetryAfterMs: 5000 })).rejects.toMatchObject({
      kind: "rate_limited",
    });
    expect(tooLong).toHaveBeenCalledTimes(1);
  });

  it("re-throws anything that is not a provider error at once", async () => {
    const fn = vi.fn().mockRejectedValue(new TypeError("bug"));
    await expect(callWithRetry(fn, { sleep: recorder().sleep })).rejects.toThrow("bug");
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    const fn = vi.fn().mockRejectedValue(fail("timeout"));
    const run = callWithRetry(fn, { baseDelayMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("gone")), 20);
    await expect(run).rejects.toThrow("gone");
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("keeps backoff within its bounds", () => {
    for (const r of [0, 0.5, 1]) {
      const d = backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 10_000, random: () => r });
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
    expect(backoffDelay(20, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 })).toBe(1000);
  });

  it("sleeps for real when not injected", async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe("retrying a real vendor", () => {
  let vendor: TFakeVendor;
  beforeAll(async () => {
    vendor = await startFakeVendor();
  });
  afterAll(() => vendor.close());

  const request = { messages: [{ role: "user" as const, content: "hi" }] };

  it("honours the vendor's Retry-After on 429 and then gets the answer", async () => {
    vendor.setBehaviour(behave.failTimes(1, behave.rateLimited("1"), behave.ok("after the wait")));
    const { delays, sleep } = recorder();
    const result = await callWithRetry(() => chat(vendorConfig(vendor, "MOONSHOT"), request), { sleep });
    expect(result.content).toBe("after the wait");
    expect(delays).toEqual([1000]);
    expect(vendor.requests).toHaveLength(2);
  });

  it("retries a timeout and a 500, then succeeds", async () => {
    vendor.reset();
    vendor.setBehaviour({
      type: "sequence",
      steps: [behave.timeout(), behave.serverError(), behave.ok("third time")],
    });
    // long enough that the 500 and the answer arrive in time on a busy machine
    const config = vendorConfig(vendor, "OPENAI", { timeoutMs: 400 });
    const retries: string[] = [];
    const result = await callWithRetry(() => chat(config, request), {
      sleep: recorder().sleep,
      onRetry: ({ error }) => retries.push(error.kind),
    });
    expect(result.content).toBe("third time");
    expect(retries).toEqual(["timeout", "server_error"]);
  });
});
