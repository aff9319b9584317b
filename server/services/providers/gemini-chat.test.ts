import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  behave,
  countFakeTokens,
  startFakeVendor,
  type TFakeVendor,
} from "../../../tests/fakes/fake-llm-vendor";
import { vendorConfig } from "./__fixtures__/vendor-configs";
import { chat } from "./chat";

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
    { role: "assistant" as const, content: "Hello, how can I help?" },
    { role: "user" as const, content: "Where is my order?" },
  ],
};

describe("Gemini generateContent", () => {
  it("answers with the documented request: key header, systemInstruction, user/model roles", async () => {
    vendor.setBehaviour(behave.ok("It ships today."));
    const result = await chat(vendorConfig(vendor, "GEMINI", { maxTokens: 300, temperature: 0.2 }), request);
    expect(result).toMatchObject({
      content: "It ships today.",
      tokensOut: countFakeTokens("It ships today."),
      kind: "GEMINI",
    });
    const [req] = vendor.requests;
    expect(req.path).toBe("/v1beta/models/gemini-2.0-flash:generateContent");
    expect(req.headers["x-goog-api-key"]).toBe("test-key");
    expect(req.query.key).toBeUndefined();
    expect(req.body).toEqual({
      systemInstruction: { parts: [{ text: "You are a support agent." }] },
      contents: [
        { role: "user", parts: [{ text: "Hi" }] },
        { role: "model", parts: [{ text: "Hello, how can I help?" }] },
        { role: "user", parts: [{ text: "Where is my order?" }] },
      ],
      generationConfig: { temperature: 0.2, maxOutputTokens: 300 },
    });
  });

  it("uses JSON mode through responseMimeType", async () => {
    await chat(vendorConfig(vendor, "GEMINI"), { ...request, responseFormat: "json" });
    expect(vendor.requests[0].body.generationConfig).toMatchObject({ responseMimeType: "application/json" });
  });

  it("streams over streamGenerateContent?alt=sse", async () => {
    const answer = "您的包裹今天上午已经出库。";
    vendor.setBehaviour(behave.ok(answer));
    const deltas: string[] = [];
    const result = await chat(vendorConfig(vendor, "GEMINI"), request, { onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join("")).toBe(answer);
    expect(result).toMatchObject({
      content: answer,
      tokensOut: countFakeTokens(answer),
      usageEstimated: false,
    });
    expect(vendor.requests[0].path).toBe("/v1beta/models/gemini-2.0-flash:streamGenerateContent");
    expect(vendor.requests[0].query.alt).toBe("sse");
  });

  it("treats Gemini's 400 API_KEY_INVALID as an auth failure", async () => {
    await expect(chat(vendorConfig(vendor, "GEMINI", { apiKey: "nope" }), request)).rejects.toMatchObject({
      kind: "auth",
      status: 400,
      retryable: false,
    });
  });

  it("classifies 429, 500 and malformed bodies", async () => {
    const config = vendorConfig(vendor, "GEMINI");
    vendor.setBehaviour(behave.rateLimited("1"));
    await expect(chat(config, request)).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: 1000 });
    vendor.setBehaviour(behave.serverError());
    await expect(chat(config, request)).rejects.toMatchObject({ kind: "server_error", retryable: true });
    vendor.setBehaviour(behave.malformed("syntax"));
    await expect(chat(config, request)).rejects.toMatchObject({ kind: "bad_response" });
    await expect(chat(config, request, { onDelta: () => undefined })).rejects.toMatchObject({
      kind: "bad_response",
    });
  });

  it("times out a slow stream whose gaps exceed the timeout", async () => {
    vendor.setBehaviour(behave.slowStream(300));
    await expect(
      chat(vendorConfig(vendor, "GEMINI", { timeoutMs: 100 }), request, { onDelta: () => undefined }),
    ).rejects.toMatchObject({ kind: "timeout" });
  });
});
