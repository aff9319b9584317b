import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbeddable } from "./security-headers";

describe("security headers", () => {
  it("forbids framing except on embeddable routes", () => {
    expect(contentSecurityPolicy({ dev: false, embeddable: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ dev: false, embeddable: true })).toContain("frame-ancestors *");
    expect(isEmbeddable("/widget/acme")).toBe(true);
    expect(isEmbeddable("/t/acme")).toBe(false);
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ dev: true, embeddable: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ dev: false, embeddable: false })).not.toContain("'unsafe-eval'");
  });
});
