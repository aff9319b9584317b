import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_ANSWER,
  behave,
  countFakeTokens,
  startFakeVendor,
  type TFakeVendor,
} from "../../../tests/fakes/fake-llm-vendor";
import { vendorConfig } from "./__fixtures__/vendor-configs";
import { chat } from "./chat";
import { ProviderError } from "./provider-error";

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor();
});
afterAll(() => vendor.close());
beforeEach(() => vendor.reset());

const request = {
  system: "You are a support agent.",
  messages: [{ role: "user" as const, content: "Where is my order?" }],
};

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

describe("OpenAI chat completions", () => {
  it("answers, reports usage and cost, and sends the documented request", async () => {
    vendor.setBehaviour(behave.ok("Your order ships today."));
    const config = vendorConfig(vendor, "OPENAI");
    const result = await chat(config, request);
    expect(result).toMatchObject({
      content: "Your order ships today.",
      tokensIn: countFakeTokens(`${request.system}\n${request.messages[0].content}`),
      tokensOut: countFakeTokens("Your order ships today."),
      provider: config.name,
      providerId: config.id,
      model: "gpt-4o-mini",
      usageEstimated: false,
    });
    expect(result.costMicros).toBe(BigInt(result.tokensIn * 2 + result.tokensOut * 8));
    const [req] = vendor.requests;
    expect(req.path).toBe("/v1/chat/completions");
    expect(req.headers.authorization).toBe("Bearer test-key");
    expect(req.body).toMatchObject({
      model: "gpt-4o-mini",
      messages: [{ role: "system", content: request.system }, request.messages[0]],
      max_completion_tokens: 256,
      temperature: 0.3,
    });
    expect(req.body.stream).toBeUndefined();
  });

  it.each(["DEEPSEEK", "MOONSHOT", "QWEN", "ERNIE", "OPENAI_COMPATIBLE"] as const)(
    "serves %s over the same wire",
    async (kind) => {
      const result = await chat(vendorConfig(vendor, kind), { ...request, maxTokens: 99, temperature: 0.9 });
      expect(result.content).toBe(DEFAULT_ANSWER);
      expect(vendor.requests[0].body).toMatchObject({ max_tokens: 99, temperature: 0.9 });
    },
  );

  it("asks for a JSON object when requested", async () => {
    await chat(vendorConfig(vendor, "DEEPSEEK"), { ...request, responseFormat: "json" });
    const body = vendor.requests[0].body as { response_format: unknown; messages: { content: string }[] };
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages[0].content).toMatch(/JSON/);
  });

  it("streams deltas and reads usage from the last chunk", async () => {
    const answer = "您好，您的订单今天发货，请注意查收。";
    vendor.setBehaviour(behave.ok(answer));
    const deltas: string[] = [];
    const result = await chat(vendorConfig(vendor, "QWEN"), request, { onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join("")).toBe(answer);
    expect(result).toMatchObject({
      content: answer,
      tokensOut: countFakeTokens(answer),
      usageEstimated: false,
    });
    expect(vendor.requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("estimates usage when the vendor reports none", async () => {
    vendor.setBehaviour(behave.ok("Fine.", { usage: false }));
    const result = await chat(vendorConfig(vendor, "OPENAI_COMPATIBLE"), request, {
      onDelta: () => undefined,
    });
    expect(result.usageEstimated).toBe(true);
    expect(result.tokensOut).toBeGreaterThan(0);
  });

  it("classifies HTTP failures", async () => {
    const config = vendorConfig(vendor, "OPENAI");
    const auth = await failure(chat({ ...config, apiKey: "wrong" }, request));
    expect(auth).toMatchObject({ kind: "auth", retryable: false, status: 401 });

    vendor.setBehaviour(behave.serverError(502));
    expect(await failure(chat(config, request))).toMatchObject({
      kind: "server_error",
      retryable: true,
      status: 502,
    });

    vendor.setBehaviour(behave.rateLimited("3"));
    expect(await failure(chat(config, request))).toMatchObject({
      kind: "rate_limited",
      retryable: true,
      retryAfterMs: 3000,
    });

    vendor.setBehaviour({ type: "status", status: 400, message: "context too long" });
    const bad = await failure(chat(config, request));
    expect(bad).toMatchObject({ kind: "bad_request", retryable: false });
    expect(bad.message).toContain("context too long");
  });

  it("turns malformed JSON and unexpected shapes into bad_response", async () => {
    const config = vendorConfig(vendor, "OPENAI");
    for (const kind of ["syntax", "shape"] as const) {
      vendor.setBehaviour(behave.malformed(kind));
      expect(await failure(chat(config, request))).toMatchObject({ kind: "bad_response", retryable: false });
    }
    vendor.setBehaviour(behave.malformed("syntax"));
    const streamed = await failure(chat(config, request, { onDelta: () => undefined }));
    expect(streamed.kind).toBe("bad_response");
  });

  it("never leaks the API key in an error message", async () => {
    vendor.setBehaviour({ type: "status", status: 400, message: "unknown key test-key for model" });
    const e = await failure(chat(vendorConfig(vendor, "OPENAI"), request));
    expect(e.message).not.toContain("test-key");
    expect(e.message).toContain("[redacted]");
  });
});

describe("deadlines", () => {
  it("times out a vendor that never answers", async () => {
    vendor.setBehaviour(behave.timeout());
    const started = Date.now();
    const e = await failure(chat(vendorConfig(vendor, "OPENAI", { timeoutMs: 100 }), request));
    expect(e).toMatchObject({ kind: "timeout", retryable: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("times out a stream that stalls, but not one that keeps making progress", async () => {
    const config = vendorConfig(vendor, "OPENAI", { timeoutMs: 300 });
    vendor.setBehaviour(behave.stall(3));
    const deltas: string[] = [];
    const e = await failure(chat(config, request, { onDelta: (d) => deltas.push(d) }));
    expect(e.kind).toBe("timeout");
    expect(deltas.length).toBeGreaterThan(0);

    // 8 frames 80 ms apart take longer than the timeout in total; each gap is well inside it
    vendor.setBehaviour(behave.slowStream(80, "Slow but steady."));
    const result = await chat(config, request, { onDelta: () => undefined });
    expect(result.content).toBe("Slow but steady.");
    expect(result.latencyMs).toBeGreaterThan(300);
  });

  it("times out a vendor that answers too late", async () => {
    vendor.setBehaviour(behave.delay(1000));
    const e = await failure(chat(vendorConfig(vendor, "DEEPSEEK", { timeoutMs: 100 }), request));
    expect(e.kind).toBe("timeout");
    vendor.setBehaviour(behave.delay(50, "worth the wait"));
    expect((await chat(vendorConfig(vendor, "DEEPSEEK"), request)).content).toBe("worth the wait");
  });

  it("re-throws the caller's own abort instead of a provider error", async () => {
    vendor.setBehaviour(behave.timeout());
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("customer left")), 30);
    await expect(
      chat(vendorConfig(vendor, "OPENAI"), request, { signal: controller.signal }),
    ).rejects.toThrow("customer left");
  });

  it("reports an unreachable vendor as a retryable network error", async () => {
    const gone = await startFakeVendor();
    await gone.close();
    const e = await failure(chat(vendorConfig(gone, "OPENAI"), request));
    expect(e).toMatchObject({ kind: "network", retryable: true });
  });

  it("rejects an invalid configuration as bad_request without calling anyone", async () => {
    const e = await failure(chat({ ...vendorConfig(vendor, "OPENAI_COMPATIBLE"), baseUrl: null }, request));
    expect(e).toMatchObject({ kind: "bad_request", retryable: false });
    expect(vendor.requests).toHaveLength(0);
  });
});
