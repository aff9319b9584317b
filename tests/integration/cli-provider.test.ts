import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kefuRunner } from "./cli-runner";

// `npx kefu provider …` as an operator runs it: on this file's PostgreSQL database when the tests run
// on PostgreSQL (fast), else on an embedded database in a temporary data directory (the server stopped).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kefu-cli-provider-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const kefu = kefuRunner({
  KEFU_DATA_DIR: dataDir,
  ...(process.env.TEST_DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL, KEFU_ENCRYPTION_KEY: process.env.KEFU_ENCRYPTION_KEY }
    : {}),
});

describe("kefu provider", () => {
  it("adds providers in chain order, never prints keys, explains bad flags", () => {
    const created = kefu(
      "tenant",
      "create",
      "--name",
      "模型店",
      "--slug",
      "model-shop",
      "--owner-email",
      "m@example.com",
      "--owner-password",
      "secret123",
    );
    expect(created.code).toBe(0);

    const first = kefu(
      "provider",
      "add",
      "--tenant",
      "model-shop",
      "--type",
      "deepseek",
      "--model",
      "deepseek-chat",
      "--api-key",
      "sk-deepseek-cli-secret-9876",
    );
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain('Added chat provider "DEEPSEEK deepseek-chat" (DEEPSEEK, deepseek-chat');
    expect(first.out).toContain("position 1, key …9876");
    expect(first.out).not.toContain("sk-deepseek-cli-secret");

    const second = kefu(
      "provider",
      "add",
      "--tenant",
      "model-shop",
      "--type",
      "openai-compatible",
      "--model",
      "qwen2.5:7b",
      "--base-url",
      "http://127.0.0.1:11434/v1",
      "--priority",
      "1",
      "--name",
      "本地模型",
    );
    expect(second.code).toBe(0);
    expect(second.out).toContain("at position 1, no key");

    const embed = kefu(
      "provider",
      "add",
      "--tenant",
      "model-shop",
      "--type",
      "qwen",
      "--model",
      "text-embedding-v3",
      "--purpose",
      "embedding",
      "--dim",
      "1024",
      "--api-key",
      "sk-qwen-cli-secret-5555",
    );
    expect(embed.code).toBe(0);
    expect(embed.out).toContain("re-indexing");

    const list = kefu("provider", "list", "--tenant", "model-shop");
    expect(list.code).toBe(0);
    const lines = list.out.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^chat\s+1\s+on\s+本地模型\s+OPENAI_COMPATIBLE qwen2.5:7b\s+http:\/\/127.0.0.1:11434\/v1\s+no key/,
    );
    expect(lines[1]).toMatch(
      /^chat\s+2\s+on\s+DEEPSEEK deepseek-chat .*https:\/\/api.deepseek.com\/v1\s+key set/,
    );
    expect(lines[2]).toMatch(/^embedding\s+1 .*dim 1024/);
    expect(list.out).not.toMatch(/sk-|9876|5555/);

    const noDim = kefu(
      "provider",
      "add",
      "--tenant",
      "model-shop",
      "--type",
      "openai",
      "--model",
      "e",
      "--purpose",
      "embedding",
    );
    expect(noDim.code).toBe(2);
    expect(noDim.err).toContain("--dim:");
    const badType = kefu("provider", "add", "--tenant", "model-shop", "--type", "llama", "--model", "x");
    expect(badType.code).toBe(2);
    expect(badType.err).toContain("--type: Use one of: openai, deepseek");
    const compat = kefu(
      "provider",
      "add",
      "--tenant",
      "model-shop",
      "--type",
      "openai-compatible",
      "--model",
      "x",
    );
    expect(compat.code).toBe(2);
    expect(compat.err).toContain("--base-url: An OpenAI-compatible provider needs a base URL");
    const missing = kefu("provider", "list", "--tenant", "nope-shop");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No tenant with slug "nope-shop"');
  }, 300_000);
});
