import { describe, expect, it } from "vitest";
import { invitationEmail } from "./invitation-email";

const base = {
  to: "a@example.com",
  tenantName: "华东<仓储>",
  inviterName: "王<script>",
  role: "AGENT",
  link: "http://kefu.test/invite/inv_abc",
  expiresAt: new Date("2026-12-01T00:00:00Z"),
};

describe("invitation email", () => {
  it("is written in the tenant's language", () => {
    expect(invitationEmail({ ...base, language: "zh-CN" }).subject).toContain("邀请您加入");
    expect(invitationEmail({ ...base, language: "en" }).text).toContain("as Agent");
  });

  it("escapes names in HTML and carries the link", () => {
    const mail = invitationEmail({ ...base, language: "zh-CN" });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("王&lt;script&gt;");
    expect(mail.text).toContain(base.link);
    expect(mail.html).toContain(`href="${base.link}"`);
  });
});
