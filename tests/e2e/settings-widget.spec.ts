import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors, type TLocale } from "./helpers";

// Settings → Web widget end to end: the live preview follows the form before saving, the allowed
// origins editor validates and normalises, a save persists, the embed code is exact — and the saved
// allow-list is enforced on a real cross-origin page (CORS from 127.0.0.1:3392 to localhost:3311)
// and on the iframe page's frame-ancestors. Screenshots: test-results/screenshots/settings-<variant>-widget.png.

const HOST_PORT = 3392;
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
let host: Server;

test.beforeAll(async () => {
  // a "shop" on another origin whose page calls the widget API with fetch, as widget.js would
  host = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Shop</title><h1>Shop</h1>");
  });
  await new Promise<void>((resolve) => host.listen(HOST_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => host.close(() => resolve()));
});

async function shot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/settings-${name}-widget.png`, fullPage: true });
}

/** What the shop page gets when it asks for the widget config: "blocked" when CORS refuses it. */
async function configFromShop(page: Page, slug: string): Promise<string> {
  await page.goto(HOST_ORIGIN);
  return page.evaluate(async (url) => {
    try {
      const res = await fetch(url);
      return `${res.status} ${((await res.json()) as { settings?: { color?: string } }).settings?.color}`;
    } catch {
      return "blocked";
    }
  }, `http://localhost:3311/api/widget/config?tenant=${slug}`);
}

const VARIANTS = [
  { name: "zh-desktop", locale: "zh-CN", viewport: { width: 1280, height: 900 }, phone: false },
  { name: "en-desktop", locale: "en", viewport: { width: 1280, height: 900 }, phone: false },
  { name: "zh-phone", locale: "zh-CN", viewport: { width: 375, height: 812 }, phone: true },
] as const;

for (const v of VARIANTS) {
  test(`widget settings: ${v.name}`, async ({ browser, baseURL }) => {
    const L: TLocale = v.locale;
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
    const tenantPath = await signUp(page, L, newAccount("Widget"));
    const slug = tenantPath.split("/").pop()!;

    await page.goto(`${tenantPath}/settings/widget`);
    const tabs = page.getByRole("navigation", { name: msg(L, "settingsNav.label") });
    await expect(tabs.getByRole("link", { name: msg(L, "settingsNav.widget") })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByText(msg(L, "widgetSettings.origins.emptyTitle"))).toBeVisible();
    await expect(page.getByTestId("embed-script")).toHaveText(
      `<script src="http://localhost:3311/widget.js" data-tenant="${slug}" async></script>`,
    );
    await expect(page.getByTestId("embed-iframe")).toHaveText(`http://localhost:3311/widget/chat/${slug}`);

    // the preview follows the form before anything is saved
    const preview = page.getByTestId("widget-preview");
    await page.getByLabel(msg(L, "widgetSettings.appearance.color"), { exact: true }).fill("#16a34a");
    await expect(page.getByTestId("widget-preview-bubble")).toHaveCSS("background-color", "rgb(22, 163, 74)");
    await page.getByText(msg(L, "widgetSettings.appearance.left"), { exact: true }).click();
    await expect(preview).toHaveAttribute("data-position", "left");
    // the preview speaks the admin's language first; switch it to what Chinese visitors see
    const previewLanguage = page.getByRole("group", { name: msg(L, "widgetSettings.preview.language") });
    await expect(previewLanguage.getByRole("button", { pressed: true })).toHaveText(
      L === "en" ? "English" : "简体中文",
    );
    await previewLanguage.getByRole("button", { name: "简体中文" }).click();
    await page.locator("#widget-title-zh-CN").fill("小店客服 <b>x</b>");
    await expect(page.getByTestId("widget-preview-title")).toHaveText("小店客服 <b>x</b>"); // text, not HTML
    await expect(page.getByText(msg(L, "widgetSettings.unsaved"))).toBeVisible();

    // allowed origins: invalid input is explained, valid input is normalised
    const origin = page.getByLabel(msg(L, "widgetSettings.origins.label"));
    await origin.fill("shop.example.com/cart");
    await page.getByRole("button", { name: msg(L, "widgetSettings.origins.add") }).click();
    await expect(page.getByText(msg(L, "widgetSettings.origins.invalid"))).toBeVisible();
    await origin.fill("https://Shop.Example.com/");
    await expect(
      page.getByText(msg(L, "widgetSettings.origins.normalised", { origin: "https://shop.example.com" })),
    ).toBeVisible();
    await origin.press("Enter");
    await expect(page.getByRole("list", { name: msg(L, "widgetSettings.origins.listLabel") })).toContainText(
      "https://shop.example.com",
    );
    await expect(page.getByText(msg(L, "widgetSettings.origins.emptyTitle"))).toHaveCount(0);
    if (!v.phone) await shot(page, `${v.name}-editing`);

    await page.getByRole("button", { name: msg(L, "common.save") }).click();
    await expect(page.getByRole("status").filter({ hasText: msg(L, "widgetSettings.saved") })).toBeVisible();
    await expect(page.getByText(msg(L, "widgetSettings.upToDate"))).toBeVisible();
    await page.reload();
    await expect(page.locator("#widget-color")).toHaveValue("#16a34a");
    await expect(page.locator("#widget-title-zh-CN")).toHaveValue("小店客服 <b>x</b>");
    await shot(page, v.name);
    if (v.phone) {
      // a phone's own view (full-page captures misplace sticky bars): the form top and the preview
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: "test-results/screenshots/settings-zh-phone-widget-top.png" });
      await page.getByTestId("widget-preview").scrollIntoViewIfNeeded();
      await page.screenshot({ path: "test-results/screenshots/settings-zh-phone-widget-preview.png" });
    }
    expect(missing).toEqual([]);

    if (v.phone) return context.close();
    // the saved allow-list in force: the shop on 127.0.0.1:3392 is refused by the browser (CORS) …
    const shop = await context.newPage();
    expect(await configFromShop(shop, slug)).toBe("blocked");
    const iframe = await page.request.get(`/widget/chat/${slug}`);
    expect(iframe.headers()["content-security-policy"]).toContain(
      "frame-ancestors 'self' https://shop.example.com",
    );
    // … until it is added to the list
    await page.getByLabel(msg(L, "widgetSettings.origins.label")).fill(HOST_ORIGIN);
    await page.getByRole("button", { name: msg(L, "widgetSettings.origins.add") }).click();
    await page.getByRole("button", { name: msg(L, "common.save") }).click();
    await expect(page.getByText(msg(L, "widgetSettings.upToDate"))).toBeVisible();
    expect(await configFromShop(shop, slug)).toBe("200 #16a34a");
    await context.close();
  });
}
