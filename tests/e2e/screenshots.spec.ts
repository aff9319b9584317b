import { expect, test, type Page } from "@playwright/test";
import { VALID, writeFaqXlsx } from "./faq-fixture";
import { msg, newAccount, setLocale, signUp, watchIntlErrors, type TLocale } from "./helpers";
import { trpcCall } from "./team";
import { customerSays, prepareSupport, workbench } from "./workbench-helpers";

// Full-page screenshots of every screen for visual review: test-results/screenshots/<variant>-<page>.png
type TVariant = {
  name: string;
  locale: TLocale;
  viewport: { width: number; height: number };
  colorScheme: "light" | "dark";
  phone?: boolean;
};

const VARIANTS: TVariant[] = [
  { name: "zh-desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
  { name: "en-desktop", locale: "en", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
  {
    name: "zh-phone",
    locale: "zh-CN",
    viewport: { width: 375, height: 812 },
    colorScheme: "light",
    phone: true,
  },
  { name: "dark-desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, colorScheme: "dark" },
];

async function shot(page: Page, variant: string, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/${variant}-${name}.png`, fullPage: true });
}

for (const v of VARIANTS) {
  test(`screenshots: ${v.name}`, async ({ browser, baseURL }, testInfo) => {
    const context = await browser.newContext({
      baseURL,
      viewport: v.viewport,
      colorScheme: v.colorScheme, // the theme defaults to "system", so this exercises prefers-color-scheme
      deviceScaleFactor: v.phone ? 2 : 1,
      isMobile: v.phone,
      hasTouch: v.phone,
    });
    await setLocale(context, baseURL!, v.locale);
    const page = await context.newPage();
    const missing = watchIntlErrors(page);
    const L = v.locale;

    await page.goto("/login");
    await expect(page.getByRole("button", { name: msg(L, "auth.login.submit") })).toBeEnabled();
    await shot(page, v.name, "login");
    await page.goto("/signup");
    await expect(page.getByRole("button", { name: msg(L, "auth.signup.submit") })).toBeEnabled();
    await shot(page, v.name, "signup");

    const path = await signUp(page, L, newAccount("Shot"));
    await shot(page, v.name, "overview");

    if (v.phone) {
      await page.getByRole("button", { name: msg(L, "shell.openNav") }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.waitForTimeout(300); // let the slide-in finish
      await page.screenshot({ path: `test-results/screenshots/${v.name}-nav-open.png` });
      await page.keyboard.press("Escape");
    }

    await page.goto(`${path}/members`);
    await page.getByRole("button", { name: msg(L, "members.invite.trigger") }).click();
    await page.getByRole("dialog").getByLabel(msg(L, "members.invite.email")).fill("colleague@example.com");
    await shot(page, v.name, "members-invite");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: msg(L, "members.invite.submit") })
      .click();
    await expect(page.getByRole("dialog").getByLabel(msg(L, "members.invite.link"))).toBeVisible();
    await shot(page, v.name, "members-invite-link");
    await page.keyboard.press("Escape");
    await shot(page, v.name, "members");

    await page.goto(`${path}/settings`);
    await shot(page, v.name, "settings");

    // support settings: empty canned replies, the add dialog, then the list
    await page.goto(`${path}/settings/support`);
    await expect(page.getByText(msg(L, "supportSettings.canned.empty"))).toBeVisible();
    await shot(page, v.name, "settings-support-empty");
    await page.getByRole("button", { name: msg(L, "supportSettings.canned.add") }).click();
    const cannedDialog = page.getByRole("dialog");
    await cannedDialog.getByLabel(msg(L, "supportSettings.canned.form.shortcut")).fill("ship");
    await cannedDialog
      .getByLabel(msg(L, "supportSettings.canned.form.content"))
      .fill(
        L === "en" ? "In-stock items ship within 48 hours." : "现货商品 48 小时内发货，定制商品 7 天内发货。",
      );
    await shot(page, v.name, "settings-support-dialog");
    await cannedDialog
      .getByRole("button", { name: msg(L, "supportSettings.canned.form.submitCreate") })
      .click();
    await expect(cannedDialog).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveCount(0, { timeout: 10_000 }); // the toast has gone
    await shot(page, v.name, "settings-support");

    await page.goto(`${path}/devices`);
    await expect(page.getByText(msg(L, "devices.empty"))).toBeVisible();
    await shot(page, v.name, "devices");
    await page
      .getByRole("button", { name: msg(L, "devices.pair.open") })
      .first()
      .click();
    await expect(
      page.getByRole("dialog").getByText(msg(L, "devices.pair.codeLabel"), { exact: true }),
    ).toBeVisible();
    await shot(page, v.name, "devices-pair");
    await page.keyboard.press("Escape");

    await page.goto(`${path}/audit`);
    await expect(page.getByRole("heading", { name: msg(L, "audit.title"), level: 1 })).toBeVisible();
    await shot(page, v.name, "audit");

    // knowledge base: empty, import preview, list, editing a pair, hit test
    const xlsx = testInfo.outputPath("faq.xlsx");
    await writeFaqXlsx(xlsx);
    await page.goto(`${path}/knowledge`);
    await expect(page.getByText(msg(L, "knowledge.empty"))).toBeVisible();
    await shot(page, v.name, "knowledge-empty");
    await page
      .getByRole("button", { name: msg(L, "knowledge.import.trigger"), exact: true })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(msg(L, "knowledge.import.fileLabel")).setInputFiles(xlsx);
    const submit = dialog.getByRole("button", { name: msg(L, "knowledge.import.submit", { count: VALID }) });
    await expect(submit).toBeVisible();
    await shot(page, v.name, "knowledge-import-preview");
    await submit.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(msg(L, "knowledge.count", { total: VALID }))).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0, { timeout: 10_000 }); // the toast has gone
    await shot(page, v.name, "knowledge");
    await page.getByLabel(msg(L, "knowledge.searchLabel")).fill("退款");
    await page
      .getByRole("button", { name: msg(L, "knowledge.editFor", { question: "退款多久到账？" }) })
      .filter({ visible: true })
      .click();
    await expect(dialog.getByLabel(msg(L, "knowledge.form.question"))).toHaveValue("退款多久到账？");
    await shot(page, v.name, "knowledge-edit");
    await page.keyboard.press("Escape");

    await page.goto(`${path}/knowledge/hit-test`);
    await page.getByLabel(msg(L, "knowledge.hit.question")).fill("钱啥时候能退回来");
    await page.getByRole("button", { name: msg(L, "knowledge.hit.submit") }).click();
    await expect(page.locator("ol > li").first()).toContainText("退款多久到账？");
    await shot(page, v.name, "hit-test");

    // the inbox: a REST customer gets a bot answer, asks for a person, and the owner takes over
    const slug = path.split("/")[2];
    const me = await trpcCall<{ tenants: { id: string; slug: string }[] }>(page, "account.me", {}, "GET");
    const apiKey = await prepareSupport(page, me.tenants.find((t) => t.slug === slug)!.id, { qa: false });
    const customer = { id: "shot-customer", name: "王女士" };
    await customerSays(context.request, apiKey, customer, "退款多久到账？");
    await customerSays(context.request, apiKey, customer, "转人工");
    const wb = workbench(page, L);
    await page.goto(`${path}/inbox`);
    await expect(wb.row(customer.name)).toBeVisible();
    await shot(page, v.name, "inbox");
    await wb.row(customer.name).click();
    await wb.takeOver.click();
    await wb.reply.fill("/sh"); // the canned reply added in the support settings above
    await expect(page.getByRole("option", { name: /\/ship/ })).toBeVisible();
    await shot(page, v.name, "inbox-canned");
    await wb.reply.fill(
      L === "en" ? "Hello, I'm checking your refund now." : "您好，我马上帮您查询退款进度。",
    );
    await wb.reply.press("Enter");
    await expect(wb.history.locator('[data-role="AGENT"]')).toBeVisible();
    await shot(page, v.name, "inbox-conversation");

    expect(missing).toEqual([]);
    await context.close();
  });
}
