import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { msg, setLocale, uniqueSuffix, watchIntlErrors, type TLocale } from "./helpers";
import { signIn } from "./team";

// The dashboards with the demo data (issue #8's acceptance): `kefu demo seed` writes a demo tenant
// into the e2e server's PostgreSQL database (kefu_e2e, see scripts/e2e-server.mjs) — 30 days of an
// EV-charger shop at a third of the default volume — and its owner opens the overview, the system
// page, the inbox, the customers and the review queue. Screenshots:
// test-results/screenshots/demo-<page>-<locale>[-phone].png

const SHOTS = "test-results/screenshots";

function seedDemo(slug: string, email: string): string {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin)
    throw new Error("demo-dashboards.spec.ts seeds the server's PostgreSQL database: set TEST_DATABASE_URL");
  const url = new URL(admin);
  url.pathname = "/kefu_e2e";
  const r = spawnSync(
    process.execPath,
    ["bin/kefu.mjs", "demo", "seed", "--slug", slug, "--email", email, "--scale", "0.3"],
    { env: { ...process.env, DATABASE_URL: url.toString() }, encoding: "utf8", timeout: 240_000 },
  );
  if (r.status !== 0) throw new Error(`demo seed failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  const password = /owner:\s+\S+\s+password (\S+)/.exec(r.stdout)?.[1];
  if (!password) throw new Error(`no owner password in the demo seed's output:\n${r.stdout}`);
  return password;
}

async function shot(page: Page, name: string) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/demo-${name}.png`, fullPage: true });
}

const kpi = (page: Page, l: TLocale, key: string) =>
  page.getByRole("group", { name: msg(l, `dashboard.kpi.${key}`), exact: true }).getByTestId("kpi-value");

test("demo data: overview, system, inbox, customers and review pages", async ({ browser, baseURL }) => {
  test.setTimeout(420_000);
  const slug = `demo-${uniqueSuffix()}`;
  const email = `${slug}@demo.kefu.local`;
  const password = seedDemo(slug, email);
  const account = { name: "Demo", email, password, company: "极速充" };

  for (const [L, phone] of [
    ["zh-CN", false],
    ["en", false],
    ["zh-CN", true],
  ] as const) {
    const context = await browser.newContext({
      baseURL,
      ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
    });
    await setLocale(context, baseURL!, L);
    const page = await context.newPage();
    if (!phone) await page.setViewportSize({ width: 1440, height: 900 });
    const missing = watchIntlErrors(page);
    await signIn(page, L, account);
    const tag = `${L}${phone ? "-phone" : ""}`;

    // the overview over the 30 days: real figures, the agent 小王 in the workload table
    await page.goto(`/t/${slug}?range=30d`);
    await expect(kpi(page, L, "conversations")).not.toHaveText(/^(0|—)$/);
    await expect(kpi(page, L, "botResolutionRate")).toHaveText(/\d+(\.\d+)?\s?%/);
    await expect(page.getByRole("cell", { name: "小王" }).first()).toBeVisible();
    await shot(page, `overview-${tag}`);
    if (phone) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    }

    // the system page: the demo's WeChat device and its background jobs
    await page.goto(`/t/${slug}/system`);
    await expect(page.getByText("前台微信").first()).toBeVisible();
    await shot(page, `system-${tag}`);

    if (!phone) {
      await page.goto(`/t/${slug}/inbox`);
      await expect(page.getByRole("heading", { name: msg(L, "workbench.title") })).toBeVisible();
      await shot(page, `inbox-${tag}`);
      await page.goto(`/t/${slug}/customers`);
      await expect(page.getByRole("row").nth(5)).toBeVisible();
      await shot(page, `customers-${tag}`);
      await page.goto(`/t/${slug}/review`);
      await shot(page, `review-${tag}`);
    }
    expect(missing).toEqual([]);
    await context.close();
  }
});
