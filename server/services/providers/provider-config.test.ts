import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URLS, ZProviderConfig, resolveBaseUrl, type TProviderKind } from "./provider-config";

const row = (kind: TProviderKind, over: Record<string, unknown> = {}) => ({
  id: "p1",
  kind,
  name: "Primary",
  model: "m",
  apiKey: "k",
  ...over,
});

describe("provider config", () => {
  it("fills the database defaults and coerces Decimal prices", () => {
    // a stand-in for Prisma's Decimal, which converts through valueOf
    const decimal = { valueOf: () => "2.5000", toString: () => "2.5000" };
    const config = ZProviderConfig.parse(row("OPENAI", { inputPricePerM: decimal, outputPricePerM: "10" }));
    expect(config).toMatchObject({ timeoutMs: 30_000, maxTokens: 1024, temperature: 0.3, enabled: true });
    expect([config.inputPricePerM, config.outputPricePerM]).toEqual([2.5, 10]);
  });

  it("resolves each vendor's documented base URL", () => {
    const kinds = Object.keys(DEFAULT_BASE_URLS).filter((k) => k !== "OPENAI_COMPATIBLE") as TProviderKind[];
    const bases = Object.fromEntries(
      kinds.map((kind) => [kind, resolveBaseUrl(ZProviderConfig.parse(row(kind)))]),
    );
    expect(bases).toEqual({
      OPENAI: "https://api.openai.com/v1",
      DEEPSEEK: "https://api.deepseek.com/v1",
      ANTHROPIC: "https://api.anthropic.com",
      MOONSHOT: "https://api.moonshot.cn/v1",
      QWEN: "https://dashscope.aliyuncs.com/compatible-mode/v1",
      GEMINI: "https://generativelanguage.googleapis.com",
      ERNIE: "https://qianfan.baidubce.com/v2",
    });
  });

  it("normalises pasted base URLs", () => {
    const base = (kind: TProviderKind, baseUrl: string) =>
      resolveBaseUrl(ZProviderConfig.parse(row(kind, { baseUrl })));
    expect(base("OPENAI_COMPATIBLE", "http://10.0.0.5:8000/v1/")).toBe("http://10.0.0.5:8000/v1");
    expect(base("ANTHROPIC", "https://proxy.example/v1")).toBe("https://proxy.example");
    expect(base("GEMINI", "https://proxy.example/v1beta/")).toBe("https://proxy.example");
  });

  it("rejects an OpenAI-compatible provider without a base URL, and non-HTTP URLs", () => {
    const missing = ZProviderConfig.safeParse(row("OPENAI_COMPATIBLE"));
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0].path).toEqual(["baseUrl"]);
    expect(ZProviderConfig.safeParse(row("OPENAI", { baseUrl: "file:///etc/passwd" })).success).toBe(false);
    expect(ZProviderConfig.safeParse(row("OPENAI", { temperature: 3 })).success).toBe(false);
  });
});
