import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors, type TLocale } from "./helpers";

// The knowledge settings page end to end in Chinese: a dictionary with a refused word, a synonym group
// (充电桩 = 充电器 = 充电机) that re-indexes the knowledge in the background, after which the hit test
// finds the Q&A written with 充电机 for a question about 充电桩; a retrieval weight that is still there
// after a reload. Screenshots for review: test-results/screenshots/kb-settings-<variant>.png
const L = "zh-CN" as const;
const m = (key: string, values?: Record<string, string | number>, locale: TLocale = L) =>
  msg(locale, `knowledge.settings.${key}`, values);

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/kb-settings-${name}.png`, fullPage: true });
}

/** Waits until the status card shows a finished re-index and nothing running. */
async function waitForReindex(page: Page, locale: TLocale = L) {
  const card = page.locator("[aria-labelledby=index-status-title]");
  await expect(card.getByText(m("index.state.ready", {}, locale))).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(m("index.runStatus.SUCCEEDED", {}, locale))).toBeVisible();
}

test("knowledge settings: dictionary, synonyms re-index and change the hit test, retrieval weights persist", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await setLocale(context, baseURL!, L);
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const path = await signUp(page, L, newAccount("KbSet"));

  // a Q&A written with 充电机 (not among the built-in synonyms of 充电桩), and one about something else
  await page.goto(`${path}/knowledge`);
  const dialog = page.getByRole("dialog");
  for (const [question, answer] of [
    ["充电机坏了怎么报修？", "请在 APP 里提交报修单，工程师 24 小时内联系您。"],
    ["怎么开发票？", "在订单详情页申请电子发票。"],
  ]) {
    await page
      .getByRole("button", { name: msg(L, "knowledge.create") })
      .first()
      .click();
    await dialog.getByLabel(msg(L, "knowledge.form.question")).fill(question);
    await dialog.getByLabel(msg(L, "knowledge.form.answer")).fill(answer);
    await dialog.getByRole("button", { name: msg(L, "knowledge.form.submitCreate") }).click();
    await expect(dialog).toBeHidden();
  }

  // before any synonyms, the pair written with 充电机 does not match the word 充电桩 of the question
  await page.goto(`${path}/knowledge/hit-test`);
  await page.getByLabel(msg(L, "knowledge.hit.question")).fill("充电桩坏了怎么办");
  await page.getByRole("button", { name: msg(L, "knowledge.hit.submit") }).click();
  const terms = page.getByRole("list", { name: msg(L, "knowledge.hit.terms") });
  await expect(terms.getByText("充电桩", { exact: true })).toBeVisible();
  const pair = page.locator("ol > li").filter({ hasText: "充电机坏了怎么报修？" });
  const pairMatched = pair.getByRole("list", { name: msg(L, "knowledge.hit.matched") });
  await expect(pair).toBeVisible();
  await expect(pairMatched.getByText("充电桩", { exact: true })).toHaveCount(0);

  // the knowledge base's tabs lead to the settings
  await page
    .getByRole("navigation", { name: msg(L, "knowledge.tabs.label") })
    .getByRole("link", { name: msg(L, "knowledge.tabs.settings") })
    .click();
  await expect(page).toHaveURL(`${path}/knowledge/settings`);
  await expect(page.getByRole("heading", { name: m("title"), level: 1 })).toBeVisible();
  await expect(page.getByText(m("dictionary.empty"))).toBeVisible();
  await expect(page.getByText(m("synonyms.empty"))).toBeVisible();
  await expect(page.getByText(m("index.never"))).toBeVisible();
  await shot(page, "desktop-empty");

  // dictionary: a word with a space is refused next to the field; several words at once are added
  const words = page.getByLabel(m("dictionary.addLabel"), { exact: true });
  await words.fill("充电桩\n有 空格");
  await page.getByRole("button", { name: m("dictionary.add"), exact: true }).click();
  await expect(page.getByText(msg(L, "knowledge.settings.terms.space", { term: "有 空格" }))).toBeVisible();
  await expect(words).toHaveAttribute("aria-invalid", "true");
  await words.fill("充电桩\n7kW，快充");
  await page.getByRole("button", { name: m("dictionary.add"), exact: true }).click();
  const dictionary = page.getByRole("list", { name: m("dictionary.listLabel") });
  for (const w of ["充电桩", "7kW", "快充"])
    await expect(dictionary.getByText(w, { exact: true })).toBeVisible();
  await expect(words).toHaveValue("");
  await page.getByRole("button", { name: m("dictionary.remove", { term: "快充" }) }).click();
  await expect(dictionary.getByText("快充", { exact: true })).toHaveCount(0);

  // synonyms: one word is not a group; three are
  await page
    .getByRole("button", { name: m("synonyms.add") })
    .first()
    .click();
  await dialog.getByLabel(m("synonyms.termsLabel")).fill("充电桩");
  await dialog.getByRole("button", { name: m("synonyms.create"), exact: true }).click();
  await expect(dialog.getByText(m("synonyms.atLeastTwo"))).toBeVisible();
  await dialog.getByLabel(m("synonyms.termsLabel")).fill("充电桩，充电器, 充电机");
  await expect(dialog.getByRole("list", { name: m("synonyms.preview") }).getByRole("listitem")).toHaveCount(
    3,
  );
  await dialog.getByRole("button", { name: m("synonyms.create"), exact: true }).click();
  await expect(dialog).toBeHidden();
  const groups = page.getByRole("list", { name: m("synonyms.listLabel") });
  await expect(groups.getByRole("listitem")).toHaveCount(1);
  await expect(groups).toContainText("充电器");

  // the background re-index finishes and the card says so
  await waitForReindex(page);
  await expect(page.getByText(m("index.chunks", { count: 2 }))).toBeVisible();

  // retrieval: the keyword weight typed in, saved, and still there after a reload
  const keyword = page.getByRole("textbox", { name: m("retrieval.keywordWeight") });
  await expect(keyword).toHaveValue("1");
  await keyword.fill("2.5");
  await page.getByRole("button", { name: m("retrieval.save"), exact: true }).click();
  await expect(page.getByText(m("retrieval.saved"))).toBeVisible();
  await shot(page, "desktop-filled");
  await page.reload();
  await expect(page.getByRole("textbox", { name: m("retrieval.keywordWeight") })).toHaveValue("2.5");
  await expect(page.getByRole("slider", { name: m("retrieval.keywordWeight") })).toHaveValue("2.5");
  // out of range is refused before sending; reset to defaults brings back 1
  await page.getByRole("textbox", { name: m("retrieval.keywordWeight") }).fill("12");
  await page.getByRole("button", { name: m("retrieval.save"), exact: true }).click();
  await expect(page.getByText(m("retrieval.weightRange", { min: 0, max: 10, step: 0.1 }))).toBeVisible();
  await page.getByRole("button", { name: m("retrieval.resetDefaults") }).click();
  await expect(page.getByRole("textbox", { name: m("retrieval.keywordWeight") })).toHaveValue("1");

  // the hit test now ranks the 充电机 pair first for a question about 充电桩, matching the synonym
  await page.goto(`${path}/knowledge/hit-test`);
  await page.getByLabel(msg(L, "knowledge.hit.question")).fill("充电桩坏了怎么办");
  await page.getByRole("button", { name: msg(L, "knowledge.hit.submit") }).click();
  await expect(page.locator("ol > li").first()).toContainText("充电机坏了怎么报修？");
  await expect(pairMatched.getByText("充电桩", { exact: true })).toBeVisible();
  await shot(page, "desktop-hit-test");

  // phone, in English: the same page at 375 px
  const phone = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, isMobile: true });
  await phone.addCookies(await context.cookies());
  await setLocale(phone, baseURL!, "en");
  const phonePage = await phone.newPage();
  const phoneMissing = watchIntlErrors(phonePage);
  await phonePage.goto(`${path}/knowledge/settings`);
  await expect(phonePage.getByRole("heading", { name: m("title", {}, "en"), level: 1 })).toBeVisible();
  await waitForReindex(phonePage, "en");
  const scrollWidth = await phonePage.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  await shot(phonePage, "phone-en");
  await phonePage
    .getByRole("button", { name: m("synonyms.add", {}, "en") })
    .first()
    .click();
  await expect(phonePage.getByRole("dialog")).toBeVisible();
  await phonePage
    .getByRole("dialog")
    .getByLabel(m("synonyms.termsLabel", {}, "en"))
    .fill("退款, 退钱, 返款");
  await shot(phonePage, "phone-en-dialog");

  expect(missing).toEqual([]);
  expect(phoneMissing).toEqual([]);
  await phone.close();
  await context.close();
});
