import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors } from "./helpers";

// The AI models and bot & rules settings pages, end to end in Chinese on a desktop and a phone, with
// screenshots for visual review (test-results/screenshots/settings-<variant>-<page>.png).
const L = "zh-CN" as const;

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/settings-${name}.png`, fullPage: true });
}

for (const v of [
  { name: "zh-desktop", viewport: { width: 1280, height: 800 }, phone: false },
  { name: "zh-phone", viewport: { width: 375, height: 812 }, phone: true },
]) {
  test(`AI and bot settings: ${v.name}`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL,
      viewport: v.viewport,
      deviceScaleFactor: v.phone ? 2 : 1,
      isMobile: v.phone,
      hasTouch: v.phone,
    });
    await setLocale(context, baseURL!, L);
    const page = await context.newPage();
    const missing = watchIntlErrors(page);
    const path = await signUp(page, L, newAccount("Ai"));

    await page.goto(`${path}/settings/ai`);
    const tabs = page.getByRole("navigation", { name: msg(L, "settingsNav.label") });
    await expect(tabs.getByRole("link", { name: msg(L, "settingsNav.ai") })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByText(msg(L, "aiSettings.chat.empty"))).toBeVisible();

    // add a chat model; the key is write-only afterwards
    await page.getByRole("button", { name: msg(L, "aiSettings.chat.add") }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(msg(L, "aiSettings.form.model")).fill("deepseek-chat");
    await dialog.getByLabel(msg(L, "aiSettings.form.apiKey")).fill("sk-e2e-secret-key-4321");
    await dialog.getByLabel(msg(L, "aiSettings.form.inputPrice")).fill("2");
    await dialog.getByRole("button", { name: msg(L, "aiSettings.form.submitCreate") }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(msg(L, "aiSettings.row.key", { last4: "4321" }))).toBeVisible();
    await expect(page.getByText("sk-e2e-secret")).toHaveCount(0);
    await page
      .getByRole("button", { name: msg(L, "aiSettings.row.edit", { name: "DeepSeek deepseek-chat" }) })
      .click();
    await expect(
      page.getByRole("dialog").getByText(msg(L, "aiSettings.form.keySaved", { last4: "4321" })),
    ).toBeVisible();
    await expect(page.getByRole("dialog").getByLabel(msg(L, "aiSettings.form.apiKey"))).toHaveValue("");
    await page.keyboard.press("Escape");
    await shot(page, `${v.name}-ai`);

    // the bot page: test a message against the default rules
    await tabs.getByRole("link", { name: msg(L, "settingsNav.bot") }).click();
    await expect(page).toHaveURL(/\/settings\/bot$/);
    await page.getByLabel(msg(L, "botSettings.preview.message")).fill("我要投诉，转人工");
    await page.getByRole("button", { name: msg(L, "botSettings.preview.submit"), exact: true }).click();
    await expect(page.getByTestId("rule-decision")).toContainText(
      msg(L, "botSettings.preview.kinds.transfer"),
    );
    await shot(page, `${v.name}-bot`);
    // the full phone page is too tall to review at once: the first screens as well
    await page.screenshot({ path: `test-results/screenshots/settings-${v.name}-bot-top.png` });

    // a saved keyword takes effect in the preview
    await page
      .getByRole("textbox", { name: msg(L, "botSettings.transfer.words"), exact: true })
      .fill("找经理");
    await page
      .getByRole("form", { name: msg(L, "botSettings.transfer.title") })
      .getByRole("button", { name: msg(L, "botSettings.save") })
      .click();
    await expect(page.getByText(msg(L, "botSettings.saved")).first()).toBeVisible();
    await page.getByLabel(msg(L, "botSettings.preview.message")).fill("帮我找经理");
    await page.getByRole("button", { name: msg(L, "botSettings.preview.submit"), exact: true }).click();
    await expect(page.getByTestId("rule-decision")).toContainText("找经理");

    await page.goto(`${path}/settings`);
    await expect(page.getByRole("heading", { name: msg(L, "settings.general.title") })).toBeVisible();
    expect(missing).toEqual([]);
    await context.close();
  });
}
