import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors } from "./helpers";

// The support settings page end to end in Chinese: canned replies (add, duplicate refused, edit,
// search, delete), SLA targets (validation, save), the VIP switch and the notification address, all
// still there after a reload; and a capacity (max chats) edited on the members page. Screenshots for
// review: test-results/screenshots/support-<variant>-<step>.png
const L = "zh-CN" as const;
const m = (key: string, values?: Record<string, string | number>) => msg(L, `supportSettings.${key}`, values);
const slaInput = (page: Page, band: string) =>
  page.getByLabel(m("sla.minutesFor", { band: m(`sla.bands.${band}.label`) }));

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/support-${name}.png`, fullPage: true });
}

test("support settings: canned replies, SLA, VIP and notification email persist", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await setLocale(context, baseURL!, L);
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const account = newAccount("Support");
  const path = await signUp(page, L, account);

  await page.goto(`${path}/settings`);
  const tabs = page.getByRole("navigation", { name: msg(L, "settingsNav.label") });
  await tabs.getByRole("link", { name: msg(L, "settingsNav.support") }).click();
  await expect(page).toHaveURL(/\/settings\/support$/);
  await expect(tabs.getByRole("link", { name: msg(L, "settingsNav.support") })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText(m("canned.empty"))).toBeVisible();
  await expect(slaInput(page, "urgent")).toHaveValue("5");
  await shot(page, "desktop-empty");

  // add a canned reply (a typed "/" is dropped), then the same shortcut again is refused
  const dialog = page.getByRole("dialog");
  await page.getByRole("button", { name: m("canned.add") }).click();
  await dialog.getByLabel(m("canned.form.shortcut")).fill("/发货");
  await dialog.getByLabel(m("canned.form.content")).fill("现货 48 小时内发货，<b>定制</b>商品 7 天内发货。");
  await dialog.getByRole("button", { name: m("canned.form.submitCreate") }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("/发货").first()).toBeVisible();
  await expect(page.getByText("现货 48 小时内发货，<b>定制</b>商品 7 天内发货。").first()).toBeVisible();

  await page.getByRole("button", { name: m("canned.add") }).click();
  await dialog.getByLabel(m("canned.form.shortcut")).fill("发货");
  await dialog.getByLabel(m("canned.form.content")).fill("重复");
  await dialog.getByRole("button", { name: m("canned.form.submitCreate") }).click();
  await expect(dialog.getByText(m("canned.form.shortcutTaken"))).toBeVisible();
  await dialog.getByLabel(m("canned.form.shortcut")).fill("has space");
  await dialog.getByRole("button", { name: m("canned.form.submitCreate") }).click();
  await expect(dialog.getByText(m("canned.form.shortcutInvalid"))).toBeVisible();
  await dialog.getByLabel(m("canned.form.shortcut")).fill("退款");
  await dialog.getByLabel(m("canned.form.content")).fill("退款审核通过后 1-3 个工作日到账。");
  await dialog.getByRole("button", { name: m("canned.form.submitCreate") }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(m("canned.count", { total: 2 }))).toBeVisible();

  // edit the first one
  await page
    .getByRole("button", { name: m("canned.editFor", { shortcut: "发货" }) })
    .filter({ visible: true })
    .click();
  await expect(dialog.getByLabel(m("canned.form.shortcut"))).toHaveValue("发货");
  await dialog.getByLabel(m("canned.form.content")).fill("现货 24 小时内发货。");
  await dialog.getByRole("button", { name: m("canned.form.submitEdit") }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("现货 24 小时内发货。").first()).toBeVisible();

  // search by content, then a search that finds nothing
  const search = page.getByLabel(m("canned.searchLabel"));
  await search.fill("工作日");
  await expect(page.getByText(m("canned.count", { total: 1 }))).toBeVisible();
  await expect(page.getByText("/发货")).toHaveCount(0);
  await search.fill("没有这个");
  await expect(page.getByText(m("canned.emptyFiltered"))).toBeVisible();
  await page.getByRole("button", { name: m("canned.clearSearch") }).click();
  await expect(page.getByText(m("canned.count", { total: 2 }))).toBeVisible();

  // SLA: a more urgent band may not wait longer; then a valid save
  const slaForm = page.getByRole("form", { name: m("sla.title") });
  await slaInput(page, "normal").fill("90");
  await slaForm.getByRole("button", { name: m("save") }).click();
  await expect(slaForm.getByText(m("sla.order", { next: m("sla.bands.low.label") }))).toBeVisible();
  await expect(slaInput(page, "normal")).toBeFocused();
  await slaInput(page, "normal").fill("30");
  await slaInput(page, "urgent").fill("3");
  await slaInput(page, "high").fill("10");
  await slaForm.getByLabel(m("sla.warnAt")).fill("70");
  await slaForm.getByRole("button", { name: m("save") }).click();
  await expect(page.getByText(m("sla.saved")).first()).toBeVisible();

  // VIP switch (saved at once) and the notification address
  const vip = page.getByRole("switch", { name: m("vip.label") });
  await expect(vip).toBeChecked();
  await vip.click();
  await expect(page.getByText(m("vip.off")).first()).toBeVisible();
  const email = page.getByLabel(m("notification.email"));
  await email.fill("not-an-email");
  await page
    .getByRole("form", { name: m("notification.title") })
    .getByRole("button", { name: m("save") })
    .click();
  await expect(page.getByText(m("notification.invalid"))).toBeVisible();
  await email.fill("ops@example.com");
  await page
    .getByRole("form", { name: m("notification.title") })
    .getByRole("button", { name: m("save") })
    .click();
  await expect(page.getByText(m("notification.saved")).first()).toBeVisible();
  await shot(page, "desktop-filled");

  // everything is still there after a reload
  await page.reload();
  await expect(slaInput(page, "urgent")).toHaveValue("3");
  await expect(slaInput(page, "high")).toHaveValue("10");
  await expect(slaInput(page, "normal")).toHaveValue("30");
  await expect(slaInput(page, "low")).toHaveValue("60");
  await expect(page.getByLabel(m("sla.warnAt"))).toHaveValue("70");
  await expect(page.getByRole("switch", { name: m("vip.label") })).not.toBeChecked();
  await expect(page.getByLabel(m("notification.email"))).toHaveValue("ops@example.com");
  await expect(page.getByText("现货 24 小时内发货。").first()).toBeVisible();
  await expect(page.getByText(m("canned.count", { total: 2 }))).toBeVisible();
  // the general settings show the same address
  await tabs.getByRole("link", { name: msg(L, "settingsNav.general") }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("textbox", { name: msg(L, "settings.general.notificationEmail") })).toHaveValue(
    "ops@example.com",
  );
  await tabs.getByRole("link", { name: msg(L, "settingsNav.support") }).click();
  await expect(page).toHaveURL(/\/settings\/support$/);

  // delete both replies: back to the empty state
  for (const shortcut of ["发货", "退款"]) {
    await page
      .getByRole("button", { name: m("canned.delete.trigger", { shortcut }) })
      .filter({ visible: true })
      .click();
    await dialog.getByRole("button", { name: m("canned.delete.confirm") }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByText(m("canned.empty"))).toBeVisible();

  // the owner's own capacity on the members page
  await page.goto(`${path}/members`);
  const capacity = page.getByLabel(m("capacity.label", { name: account.name })).filter({ visible: true });
  await expect(capacity).toHaveValue("5");
  await capacity.fill("8");
  await capacity.press("Enter");
  await expect(page.getByText(m("capacity.saved")).first()).toBeVisible();
  await page.reload();
  await expect(
    page.getByLabel(m("capacity.label", { name: account.name })).filter({ visible: true }),
  ).toHaveValue("8");
  await shot(page, "desktop-members");

  expect(missing).toEqual([]);
  await context.close();
});

test("support settings on a phone", async ({ browser, baseURL }) => {
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
  const account = newAccount("Support");
  const path = await signUp(page, L, account);
  await page.goto(`${path}/settings/support`);
  await expect(page.getByText(m("canned.empty"))).toBeVisible(); // loaded on the client: hydrated
  await page.getByRole("button", { name: m("canned.add") }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(m("canned.form.shortcut")).fill("hello");
  await dialog.getByLabel(m("canned.form.content")).fill("您好，请问有什么可以帮您？");
  await shot(page, "phone-dialog");
  await dialog.getByRole("button", { name: m("canned.form.submitCreate") }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("/hello").filter({ visible: true })).toBeVisible();
  await expect(
    page.getByRole("button", { name: m("canned.editFor", { shortcut: "hello" }) }).filter({ visible: true }),
  ).toBeVisible();
  await shot(page, "phone");
  await page.goto(`${path}/members`);
  await expect(
    page.getByLabel(m("capacity.label", { name: account.name })).filter({ visible: true }),
  ).toBeVisible();
  await shot(page, "phone-members");
  expect(missing).toEqual([]);
  await context.close();
});
