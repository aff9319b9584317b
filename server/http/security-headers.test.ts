import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbeddable, widgetChatSlug } from "./security-headers";

describe("security headers", () => {
  it("forbids framing except on embeddable routes", () => {
    expect(contentSecurityPolicy({ dev: false, embeddable: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ dev: false, embeddable: true })).toContain("frame-ancestors *");
    expect(isEmbeddable("/widget/acme")).toBe(true);
    expect(isEmbeddable("/t/acme")).toBe(false);
  });

  it("limits framing of the widget page to the tenant's origins when it lists any", () => {
    const csp = contentSecurityPolicy({
      dev: false,
      embeddable: true,
      frameAncestors: ["https://shop.example.com"],
    });
    expect(csp).toContain("frame-ancestors 'self' https://shop.example.com;");
    expect(contentSecurityPolicy({ dev: false, embeddable: true, frameAncestors: [] })).toContain(
      "frame-ancestors *",
    );
    expect(widgetChatSlug("/widget/chat/Acme-Shop")).toBe("acme-shop");
    expect(widgetChatSlug("/widget/chat/acme/")).toBe("acme");
    expect(widgetChatSlug("/widget/chat/acme/extra")).toBeNull();
    expect(widgetChatSlug("/widget.js")).toBeNull();
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ dev: true, embeddable: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ dev: false, embeddable: false })).not.toContain("'unsafe-eval'");
  });
});
