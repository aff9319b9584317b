import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kefuRunner } from "./cli-runner";

// `npx kefu …` on the embedded database, as an operator runs it while the server is stopped.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kefu-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const kefu = kefuRunner({ KEFU_DATA_DIR: dataDir });

describe("kefu CLI", () => {
  it("creates a tenant, prints an API key, resets a password", () => {
    const created = kefu(
      "tenant",
      "create",
      "--name",
      "演示商店",
      "--slug",
      "demo-shop",
      "--owner-email",
      "Boss@Example.com",
      "--owner-password",
      "secret123",
    );
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    expect(created.out).toMatch(
      /Created tenant "演示商店" \(demo-shop, id [0-9a-f-]{36}\) owned by boss@example.com/,
    );

    const key = kefu("apikey", "create", "--tenant", "demo-shop", "--name", "ERP bridge");
    expect(key.code).toBe(0);
    expect(key.out.trim()).toMatch(/^kefu_[A-Za-z0-9_-]{32}$/);

    expect(
      kefu("user", "reset-password", "--email", "boss@example.com", "--password", "another-secret").code,
    ).toBe(0);
    expect(kefu("migrate").out).toContain("is up to date");

    const csv = path.join(dataDir, "faq.csv");
    fs.writeFileSync(csv, '问题,答案\n退款多久到账？,"1-3 个工作日\n原路退回"\n,没有问题\n');
    const imported = kefu("kb", "import", "--tenant", "demo-shop", csv);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("Imported 1 Q&A pair(s): 1 created, 0 updated, 1 rejected.");
    expect(imported.out).toContain("row 3: Question is empty");
    expect(kefu("kb", "import", "--tenant", "demo-shop", csv).out).toContain("0 created, 1 updated");
    const pdf = path.join(dataDir, "faq.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4");
    const wrong = kefu("kb", "import", "--tenant", "demo-shop", pdf);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("Use a .csv or .xlsx file");
  }, 180_000);

  it("explains bad input and unknown names", () => {
    const bad = kefu("tenant", "create", "--name", "X", "--slug", "Bad Slug", "--owner-email", "nope");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--slug: Use lowercase letters, digits and hyphens");
    expect(bad.err).toContain("--owner-email: Enter a valid email address");
    const missing = kefu("apikey", "create", "--tenant", "no-such-tenant");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No tenant with slug "no-such-tenant"');
  }, 120_000);

  it("refuses to open the embedded database while another process holds it", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    fs.writeFileSync(path.join(dataDir, "kefu.lock"), String(holder.pid));
    try {
      const r = kefu("apikey", "create", "--tenant", "demo-shop");
      expect(r.code).toBe(1);
      expect(r.err).toContain(`in use by process ${holder.pid}`);
    } finally {
      holder.kill();
      fs.rmSync(path.join(dataDir, "kefu.lock"), { force: true });
    }
  }, 60_000);
});
