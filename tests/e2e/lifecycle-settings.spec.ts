import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors, type TLocale } from "./helpers";

// The conversation lifecycle card on the support settings page: defaults per conversation type,
// the order check (idle < dormant < expired) with focus on the first wrong field, a save that
// survives a reload; in Chinese on a desktop and in English on a phone. Screenshots for review:
// test-results/screenshots/lifecycle-<variant>.png

const m = (l: TLocale, key: string, values?: Record<string, string | number>) =>
  msg(l, `lifecycleSettings.${key}`, values);
const input = (page: Page, l: TLocale, type: string, stage: string) =>
  page.getByLabel(m(l, "minutesFor", { type: m(l, `types.${type}.label`), stage: m(l, `stages.${stage}`) }));

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/lifecycle-${name}.png`, fullPage: true });
}

test("lifecycle thresholds: defaults, order check, save and reload (zh-CN, desktop)", async ({
  browser,
  baseURL,
}) => {
  const L = "zh-CN" as const;
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await setLocale(context, baseURL!, L);
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const path = await signUp(page, L, newAccount("Lifecycle"));
  await page.goto(`${path}/settings/support`);

  const form = page.getByRole("form", { name: m(L, "title") });
  await expect(input(page, L, "CHAT", "idle")).toHaveValue("5");
  await expect(input(page, L, "CONSULT", "dormant")).toHaveValue("30");
  await expect(input(page, L, "BUSINESS", "expired")).toHaveValue("240");

  // dormant before idle is refused, and the wrong field gets the focus
  await input(page, L, "CHAT", "dormant").fill("3");
  await form.getByRole("button", { name: m(L, "save") }).click();
  await expect(form.getByText(m(L, "order", { prev: m(L, "stages.idle") }))).toBeVisible();
  await expect(input(page, L, "CHAT", "dormant")).toBeFocused();
  await shot(page, "zh-desktop-error");

  await input(page, L, "CHAT", "dormant").fill("20");
  await input(page, L, "CHAT", "expired").fill("45");
  await input(page, L, "BUSINESS", "idle").fill("25");
  await form.getByRole("button", { name: m(L, "save") }).click();
  await expect(page.getByText(m(L, "saved")).first()).toBeVisible();
  await shot(page, "zh-desktop-saved");

  await page.reload();
  await expect(input(page, L, "CHAT", "dormant")).toHaveValue("20");
  await expect(input(page, L, "CHAT", "expired")).toHaveValue("45");
  await expect(input(page, L, "BUSINESS", "idle")).toHaveValue("25");
  await expect(input(page, L, "CONSULT", "idle")).toHaveValue("10");
  expect(missing).toEqual([]);
  await context.close();
});

test("lifecycle thresholds on a phone (en)", async ({ browser, baseURL }) => {
  const L = "en" as const;
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  await setLocale(context, baseURL!, L);
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const path = await signUp(page, L, newAccount("Lifecycle"));
  await page.goto(`${path}/settings/support`);
  const form = page.getByRole("form", { name: m(L, "title") });
  await expect(input(page, L, "CONSULT", "idle")).toHaveValue("10");
  await input(page, L, "CONSULT", "expired").fill("0");
  await form.getByRole("button", { name: m(L, "save") }).click();
  await expect(form.getByText(m(L, "range", { max: "10080" }))).toBeVisible();
  await shot(page, "en-phone-error");
  await form.getByRole("button", { name: m(L, "reset") }).click();
  await expect(input(page, L, "CONSULT", "expired")).toHaveValue("60");
  await expect(form.getByText(m(L, "range", { max: "10080" }))).toHaveCount(0);
  expect(missing).toEqual([]);
  await context.close();
});
