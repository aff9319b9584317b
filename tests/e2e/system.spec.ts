import fs from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { msg, newAccount, setLocale, signUp, watchIntlErrors, type TLocale } from "./helpers";

// The system page and the alert settings through real pages. A fresh workspace shows the empty states;
// then a device that went quiet, a failed background job, a provider cooling down and an open alert are
// written straight into the e2e server's PostgreSQL database (kefu_e2e, see scripts/e2e-server.mjs) —
// the states the app only reaches over hours — and the page must show them; a failed load offers a
// retry; an alert threshold is validated, saved and still there after a reload; zh + en + phone.
// Screenshots: test-results/screenshots/system-<name>.png

const shot = async (page: Page, name: string) => {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/system-${name}.png`, fullPage: true });
};

function e2eDatabase(): pg.Client {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("system.spec.ts seeds the server's PostgreSQL database: set TEST_DATABASE_URL");
  const url = new URL(admin);
  url.pathname = "/kefu_e2e";
  return new pg.Client({ connectionString: url.toString() });
}

/** the states that take hours to reach: a silent device, a failed job, a cooling provider, an open alert */
async function seedTrouble(slug: string) {
  const client = e2eDatabase();
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
    const tenantId = rows[0]!.id;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await client.query(
      `INSERT INTO "Device" (id, "tenantId", name, platform, "agentVersion", "tokenHash", "wechatState",
         "lastHeartbeatAt", "createdAt", "updatedAt")
       VALUES ($1, $2, '前台电脑', 'win32', '0.3.1', $3, 'LOGGED_OUT', $4, $5, now())`,
      [randomUUID(), tenantId, randomBytes(16).toString("hex"), minutesAgo(12), minutesAgo(600)],
    );
    await client.query(
      `INSERT INTO "JobRun" (id, "tenantId", "functionId", "eventName", status, error, "startedAt", "finishedAt")
       VALUES ($1, $2, 'erp-sync', 'kefu/erp.sync-requested', 'FAILED', 'ERP 连接超时 (ETIMEDOUT)', $3, $3)`,
      [randomUUID(), tenantId, minutesAgo(20)],
    );
    await client.query(
      `INSERT INTO "AiProvider" (id, "tenantId", name, kind, model, "failureCount", "cooldownUntil", "lastError",
         "updatedAt")
       VALUES ($1, $2, 'DeepSeek 主线路', 'DEEPSEEK', 'deepseek-chat', 3, $3, 'HTTP 502 Bad Gateway', now())`,
      [randomUUID(), tenantId, new Date(Date.now() + 10 * 60_000)],
    );
    // the same alert the every-minute check opens for this device (it keeps it open, not a second one)
    await client.query(
      `INSERT INTO "AlertEvent" (id, "tenantId", kind, message, value, "createdAt")
       VALUES ($1, $2, 'DEVICE_OFFLINE', '前台电脑', 1, $3)`,
      [randomUUID(), tenantId, minutesAgo(7)],
    );
  } finally {
    await client.end();
  }
}

/** resolves when a rule save has been answered (a toast from an earlier save may still be showing) */
const saved = (page: Page) =>
  page.waitForResponse(
    (r) => r.url().includes("alerts.updateRule") && r.request().method() === "POST" && r.ok(),
  );

const m = (l: TLocale, key: string, values?: Record<string, string | number>) => msg(l, key, values);

test("system page: empty, seeded trouble, error and retry, alert settings, zh/en/phone", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await setLocale(context, baseURL!, "zh-CN");
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const account = newAccount("System");
  const path = await signUp(page, "zh-CN", account);
  const slug = path.split("/")[2]!;
  let L: TLocale = "zh-CN";

  // 1. a fresh workspace: the nav entry, empty sections and no alerts
  const nav = page.getByRole("navigation", { name: m(L, "nav.label") });
  await nav.getByRole("link", { name: m(L, "nav.system") }).click();
  await expect(page).toHaveURL(/\/system$/);
  await expect(page.getByRole("heading", { name: m(L, "system.title"), level: 1 })).toBeVisible();
  await expect(page.getByText(m(L, "alerts.empty"))).toBeVisible();
  await expect(page.getByText(m(L, "system.devices.empty"))).toBeVisible();
  await expect(page.getByText(m(L, "system.providers.empty"))).toBeVisible();
  await expect(page.getByTestId("alerts-nav-count")).toHaveCount(0);
  await shot(page, "empty-zh");

  // 2. trouble in the database: the page shows every part of it
  await seedTrouble(slug);
  await page.reload();
  await expect(page.getByText(m(L, "alerts.kind.DEVICE_OFFLINE")).first()).toBeVisible();
  await expect(
    page.getByText(m(L, "alerts.value.DEVICE_OFFLINE", { value: 1, names: "前台电脑" })),
  ).toBeVisible();
  await expect(page.getByTestId("alerts-nav-count")).toHaveText(/^1/);
  const devices = page.getByRole("list", { name: m(L, "system.devices.title") });
  await expect(devices.getByText("前台电脑")).toBeVisible();
  await expect(devices.getByText(m(L, "system.devices.offline"))).toBeVisible();
  await expect(
    devices.getByText(m(L, "system.devices.wechat", { state: m(L, "devices.wechatState.LOGGED_OUT") })),
  ).toBeVisible();
  const jobs = page.getByRole("list", { name: m(L, "system.jobs.title") });
  await expect(jobs.getByText("erp-sync")).toBeVisible();
  await expect(jobs.getByText(m(L, "system.jobs.status.FAILED"), { exact: true })).toBeVisible();
  await expect(jobs.getByText("ERP 连接超时 (ETIMEDOUT)")).toBeVisible();
  const providers = page.getByRole("list", { name: m(L, "system.providers.title") });
  await expect(providers.getByText("DeepSeek 主线路")).toBeVisible();
  await expect(providers.getByText(/冷却中/)).toBeVisible();
  await expect(page.getByText(/更新于/)).toBeVisible();
  await shot(page, "desktop-zh");

  // 3. a failed load shows the error with a retry that recovers
  await page.route("**/api/trpc/**system.overview**", (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: "{}" }),
  );
  await page.reload();
  await expect(page.getByText(m(L, "common.loadFailed")).first()).toBeVisible();
  await shot(page, "error-zh");
  await page.unroute("**/api/trpc/**system.overview**");
  // the overview and the alerts may share a batched request: retry whatever failed until it shows
  const retry = page.getByRole("button", { name: m(L, "common.retry") });
  await expect(async () => {
    if (await retry.count()) await retry.first().click();
    await expect(page.getByText("erp-sync")).toBeVisible({ timeout: 2000 });
    await expect(retry).toHaveCount(0, { timeout: 2000 });
  }).toPass();

  // 4. alert settings: defaults, a threshold out of range is refused, a valid one is saved and kept
  await page.getByRole("link", { name: m(L, "alerts.settingsLink") }).click();
  await expect(page).toHaveURL(/\/settings\/alerts$/);
  const tabs = page.getByRole("navigation", { name: m(L, "settingsNav.label") });
  await expect(tabs.getByRole("link", { name: m(L, "settingsNav.alerts") })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const budget = page.getByRole("form", { name: m(L, "alerts.kind.TOKEN_BUDGET") });
  const budgetInput = budget.getByLabel(m(L, "alerts.rules.threshold"));
  await expect(budgetInput).toHaveValue("1000000");
  await expect(page.getByText(m(L, "alerts.rules.recipientsAdmins"))).toBeVisible();
  await budgetInput.fill("10");
  await budget.getByRole("button", { name: m(L, "alerts.rules.save") }).click();
  await expect(
    budget.getByText(m(L, "alerts.rules.outOfRange", { min: "1,000", max: "10,000,000,000" })),
  ).toBeVisible();
  await expect(budgetInput).toBeFocused();
  await budgetInput.fill("250000");
  await Promise.all([saved(page), budget.getByRole("button", { name: m(L, "alerts.rules.save") }).click()]);
  await expect(page.getByText(m(L, "alerts.rules.saved")).first()).toBeVisible();
  const slow = page.getByRole("form", { name: m(L, "alerts.kind.SLOW_RESPONSE") });
  await slow.getByRole("switch", { name: m(L, "alerts.kind.SLOW_RESPONSE") }).click();
  await Promise.all([saved(page), slow.getByRole("button", { name: m(L, "alerts.rules.save") }).click()]);
  await expect(page.getByText(m(L, "alerts.rules.saved")).first()).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("form", { name: m(L, "alerts.kind.TOKEN_BUDGET") })
      .getByLabel(m(L, "alerts.rules.threshold")),
  ).toHaveValue("250000");
  await expect(
    page.getByRole("form", { name: m(L, "alerts.kind.SLOW_RESPONSE") }).getByRole("switch"),
  ).not.toBeChecked();
  await shot(page, "settings-zh");

  // 5. English, desktop
  L = "en";
  await setLocale(context, baseURL!, L);
  await page.goto(`${path}/system`);
  await expect(page.getByRole("heading", { name: m(L, "system.title"), level: 1 })).toBeVisible();
  await expect(
    page.getByText(m(L, "alerts.value.DEVICE_OFFLINE", { value: 1, names: "前台电脑" })),
  ).toBeVisible();
  await expect(page.getByText("erp-sync")).toBeVisible();
  await shot(page, "desktop-en");
  await page.goto(`${path}/settings/alerts`);
  await expect(page.getByRole("form", { name: m(L, "alerts.kind.TOKEN_BUDGET") })).toBeVisible();
  await shot(page, "settings-en");

  // 6. a phone, in Chinese: the menu reaches the page, nothing overflows sideways
  L = "zh-CN";
  await setLocale(context, baseURL!, L);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${path}/system`);
  await expect(
    page.getByText(m(L, "alerts.value.DEVICE_OFFLINE", { value: 1, names: "前台电脑" })),
  ).toBeVisible();
  await expect(page.getByText("erp-sync")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, "phone-zh");
  await page.goto(`${path}/settings/alerts`);
  await expect(page.getByRole("form", { name: m(L, "alerts.kind.WAITING_SLA") })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shot(page, "phone-settings-zh");

  expect(missing).toEqual([]);
  await context.close();
});
