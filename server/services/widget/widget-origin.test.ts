import { describe, expect, it } from "vitest";
import { normaliseOrigin } from "./origin-format";
import { decideOrigin } from "./widget-origin";

describe("allowed origins", () => {
  it("normalises origins the way browsers send them and refuses anything else", () => {
    expect(normaliseOrigin("https://Shop.Example.com/")).toBe("https://shop.example.com");
    expect(normaliseOrigin("https://shop.example.com:443")).toBe("https://shop.example.com");
    expect(normaliseOrigin("http://localhost:8080")).toBe("http://localhost:8080");
    for (const bad of [
      "shop.example.com",
      "https://shop.example.com/path",
      "https://shop.example.com?x=1",
      "https://*.example.com",
      "https://user:pw@shop.example.com",
      "ftp://shop.example.com",
      "javascript:alert(1)",
      "null",
    ])
      expect(normaliseOrigin(bad), bad).toBeNull();
  });

  it("allows listed origins, no origin and any origin while the list is empty", () => {
    const list = ["https://shop.example.com"];
    expect(decideOrigin("https://shop.example.com", list)).toEqual({
      allowed: true,
      echo: "https://shop.example.com",
    });
    expect(decideOrigin("https://SHOP.example.com", list).allowed).toBe(true);
    expect(decideOrigin("https://evil.example.net", list)).toEqual({ allowed: false, echo: null });
    expect(decideOrigin("http://shop.example.com", list).allowed).toBe(false); // scheme matters
    expect(decideOrigin("null", list).allowed).toBe(false);
    expect(decideOrigin(null, list)).toEqual({ allowed: true, echo: null });
    expect(decideOrigin("https://evil.example.net", [])).toEqual({
      allowed: true,
      echo: "https://evil.example.net",
    });
    // the iframe page on Kefu's own host calls the API same-origin
    expect(decideOrigin("http://kefu.local:3000", list, "kefu.local:3000").allowed).toBe(true);
    expect(decideOrigin("http://kefu.local:3000", list, "other.host").allowed).toBe(false);
  });
});
