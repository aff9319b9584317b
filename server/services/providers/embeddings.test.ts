import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  behave,
  countFakeTokens,
  fakeEmbedding,
  startFakeVendor,
  type TFakeVendor,
} from "../../../tests/fakes/fake-llm-vendor";
import { noSleep, vendorConfig } from "./__fixtures__/vendor-configs";
import { embedTexts } from "./embeddings";

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor();
});
afterAll(() => vendor.close());
beforeEach(() => vendor.reset());

const config = () => vendorConfig(vendor, "OPENAI", { model: "text-embedding-3-small", embeddingDim: 16 });

describe("embedTexts", () => {
  it("batches inputs, keeps their order and sums the usage", async () => {
    const texts = Array.from({ length: 150 }, (_, i) => `问题 ${i}: 怎么退货?`);
    const { vectors, tokens } = await embedTexts(config(), texts, { batchSize: 64 });
    expect(vendor.requests.map((r) => (r.body.input as string[]).length)).toEqual([64, 64, 22]);
    expect(vendor.requests[0].path).toBe("/v1/embeddings");
    expect(vendor.requests[0].headers.authorization).toBe("Bearer test-key");
    expect(vendor.requests[0].body).toMatchObject({ model: "text-embedding-3-small", dimensions: 16 });
    // the fake answers in reverse order; the client must sort by index
    expect(vectors).toEqual(texts.map((t) => fakeEmbedding(t, 16)));
    const batches = [texts.slice(0, 64), texts.slice(64, 128), texts.slice(128)];
    expect(tokens).toBe(batches.reduce((sum, b) => sum + countFakeTokens(b.join("\n")), 0));
  });

  it("uses 64 per request by default and makes no request for no input", async () => {
    await embedTexts(
      config(),
      Array.from({ length: 65 }, (_, i) => `t${i}`),
    );
    expect(vendor.requests.map((r) => (r.body.input as string[]).length)).toEqual([64, 1]);
    vendor.reset();
    await expect(embedTexts(config(), [])).resolves.toEqual({ vectors: [], tokens: 0 });
    expect(vendor.requests).toHaveLength(0);
  });

  it("does not send `dimensions` to vendors that do not document it, but still checks it", async () => {
    const compatible = vendorConfig(vendor, "OPENAI_COMPATIBLE", { model: "bge-m3", embeddingDim: 8 });
    const { vectors } = await embedTexts(compatible, ["a", "b"]);
    expect(vendor.requests[0].body.dimensions).toBeUndefined();
    expect(vectors.every((v) => v.length === 8)).toBe(true);
  });

  it("rejects vectors of the wrong dimension", async () => {
    vendor.setBehaviour(behave.ok(undefined, { dimensions: 12 }));
    await expect(embedTexts(config(), ["a"], { retry: { sleep: noSleep } })).rejects.toMatchObject({
      kind: "bad_response",
      message: "Embedding dimension 12, expected 16",
    });
  });

  it("needs a configured dimension", async () => {
    await expect(embedTexts({ ...config(), embeddingDim: null }, ["a"])).rejects.toMatchObject({
      kind: "bad_request",
    });
  });

  it("retries a failed batch on its own", async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `t${i}`);
    vendor.setBehaviour({ type: "sequence", steps: [behave.ok(), behave.serverError(503), behave.ok()] });
    const { vectors } = await embedTexts(config(), texts, { batchSize: 3, retry: { sleep: noSleep } });
    expect(vectors).toHaveLength(5);
    expect(vendor.requests.map((r) => (r.body.input as string[]).length)).toEqual([3, 2, 2]);
  });

  it("reports a malformed body and a bad key", async () => {
    vendor.setBehaviour(behave.malformed("syntax"));
    await expect(embedTexts(config(), ["a"])).rejects.toMatchObject({ kind: "bad_response" });
    await expect(embedTexts({ ...config(), apiKey: "nope" }, ["a"])).rejects.toMatchObject({ kind: "auth" });
  });
});
