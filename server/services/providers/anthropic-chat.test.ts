import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
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
  messages: [
    { role: "user" as const, content: "Hi" },
    { role: "user" as const, content: "Where is my order?" },
  ],
  temperature: 1.5,
};

describe("Anthropic messages", () => {
  it("answers with the documented request: headers, top-level system, merged turns", async () => {
    vendor.setBehaviour(behave.ok("It ships today."));
    const result = await chat(vendorConfig(vendor, "ANTHROPIC"), request);
    expect(result).toMatchObject({
      content: "It ships today.",
      tokensOut: countFakeTokens("It ships today."),
      kind: "ANTHROPIC",
    });
    expect(result.tokensIn).toBe(countFakeTokens("You are a support agent.\nHi\n\nWhere is my order?"));
    const [req] = vendor.requests;
    expect(req.path).toBe("/v1/messages");
    expect(req.headers["x-api-key"]).toBe("test-key");
    expect(req.headers["anthropic-version"]).toBe("2023-06-01");
    expect(req.body).toEqual({
      model: "claude-3-5-haiku-latest",
      max_tokens: 256,
      temperature: 1,
      system: "You are a support agent.",
      messages: [{ role: "user", content: "Hi\n\nWhere is my order?" }],
    });
  });

  it("accepts a base URL that already ends in /v1", async () => {
    await chat(vendorConfig(vendor, "ANTHROPIC", { baseUrl: `${vendor.url}/v1/` }), request);
    expect(vendor.requests[0].path).toBe("/v1/messages");
  });

  it("asks for JSON in the system prompt (there is no JSON mode)", async () => {
    await chat(vendorConfig(vendor, "ANTHROPIC"), { ...request, responseFormat: "json" });
    expect(vendor.requests[0].body.system).toMatch(/^You are a support agent\.\n\n.*JSON/);
  });

  it("streams text deltas; input tokens come from message_start, output from message_delta", async () => {
    const answer = "Your parcel left the warehouse this morning.";
    vendor.setBehaviour(behave.ok(answer));
    const deltas: string[] = [];
    const result = await chat(vendorConfig(vendor, "ANTHROPIC"), request, { onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join("")).toBe(answer);
    expect(result).toMatchObject({
      content: answer,
      tokensOut: countFakeTokens(answer),
      usageEstimated: false,
    });
    expect(result.tokensIn).toBeGreaterThan(0);
    expect(vendor.requests[0].body.stream).toBe(true);
  });

  it("classifies a bad key, a 429 with Retry-After and a malformed body", async () => {
    const config = vendorConfig(vendor, "ANTHROPIC");
    await expect(chat({ ...config, apiKey: "nope" }, request)).rejects.toMatchObject({
      kind: "auth",
      retryable: false,
    });
    vendor.setBehaviour(behave.rateLimited("2"));
    await expect(chat(config, request)).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: 2000 });
    vendor.setBehaviour(behave.malformed("shape"));
    await expect(chat(config, request)).rejects.toMatchObject({ kind: "bad_response" });
    vendor.setBehaviour(behave.malformed("syntax"));
    await expect(chat(config, request, { onDelta: () => undefined })).rejects.toBeInstanceOf(ProviderError);
  });

  it("times out a stream that stalls after message_start", async () => {
    vendor.setBehaviour(behave.stall(2));
    await expect(
      chat(vendorConfig(vendor, "ANTHROPIC", { timeoutMs: 100 }), request, { onDelta: () => undefined }),
    ).rejects.toMatchObject({ kind: "timeout" });
  });
});
