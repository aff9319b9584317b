import { expect, test, type Page } from "@playwright/test";
import { startFakeErp } from "../fakes/fake-erp";
import { msg, setLocale, watchIntlErrors, type TLocale } from "./helpers";
import { createTeam, signIn, trpcCall } from "./team";
import { customerSays, prepareSupport } from "./workbench-helpers";

// ERP acceptance through the real pages: the owner connects the fake ERP (a real HTTP server started
// by this spec on 127.0.0.1; the e2e server allows private addresses), tests the connection and syncs
// now. The runs table shows every run succeeding; the customer who ordered in the ERP is DEAL with the
// order on their page; an unknown low-value contact is not pushed. Screenshots zh, en and zh phone.

const L = "zh-CN" as const;
const shots = (name: string) => `test-results/screenshots/erp-${name}.png`;

const runRow = (page: Page, entity: string) => page.locator(`tr[data-entity="${entity}"]`);

async function openErpSettings(page: Page, L: TLocale, slug: string) {
  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("link", { name: msg(L, "erp.card.open") }).click();
  await expect(page).toHaveURL(`/t/${slug}/settings/erp`);
}

test("erp: connect, test, sync now, runs table, DEAL customer with the order, nothing pushed", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const erp = await startFakeErp();
  try {
    erp.state.customers = [
      { ord: "1001", name: "上海华东仓储有限公司", mobile: "13800000001" },
      { ord: "1002", name: "杭州启明贸易", mobile: "13800000002" },
    ];
    erp.state.orders = [
      {
        ord: "7001",
        htbh: "AB12345678",
        company: "1002",
        mobile: "13800000002",
        money: 2480.5,
        fhjz: "已发货",
        date1: "2026-11-20",
      },
    ];
    erp.state.products = [{ ord: "501", cpname: "智能电表", cpxh: "DDS-8", price1: 320 }];

    const team = await createTeam(browser, baseURL!, L, []);
    const owner = team.owner.page;
    await owner.setViewportSize({ width: 1440, height: 900 });
    const missing = watchIntlErrors(owner);
    // an unknown, low-value visitor through the REST channel: stays local
    const apiKey = await prepareSupport(owner, team.tenantId, { qa: false });
    await customerSays(owner.request, apiKey, { id: "visitor-1", name: "路过的访客" }, "你好");

    // 1. the general settings card leads to the ERP page, empty at first
    await openErpSettings(owner, L, team.slug);
    await expect(owner.getByText(msg(L, "erp.empty"))).toBeVisible();
    await expect(owner.getByText(msg(L, "erp.runs.empty"))).toBeVisible();
    await owner.screenshot({ path: shots("zh-desktop-empty"), fullPage: true });

    // 2. the form checks before sending: generic REST with broken JSON shows the errors inline
    await owner.getByRole("button", { name: msg(L, "erp.add") }).click();
    const dialog = owner.getByRole("dialog");
    await dialog.getByRole("combobox", { name: msg(L, "erp.form.kind") }).click();
    await owner.getByRole("option", { name: msg(L, "erp.kinds.GENERIC_REST.label") }).click();
    const config = dialog.getByLabel(msg(L, "erp.form.config"));
    await config.fill('{"customers": ');
    await dialog.getByRole("button", { name: msg(L, "erp.form.submitCreate") }).click();
    await expect(dialog.getByText(msg(L, "erp.form.problems.json"))).toBeVisible();
    await expect(dialog.getByText(msg(L, "validation.required")).first()).toBeVisible();
    await owner.screenshot({ path: shots("zh-desktop-form-errors") });

    // 3. a 智邦 connection to the fake ERP
    await dialog.getByRole("combobox", { name: msg(L, "erp.form.kind") }).click();
    await owner.getByRole("option", { name: msg(L, "erp.kinds.ZHIBANG.label") }).click();
    await dialog.getByLabel(msg(L, "erp.form.name")).fill("测试 ERP");
    await dialog.getByLabel(msg(L, "erp.form.baseUrl")).fill(erp.url);
    await dialog.getByLabel(msg(L, "erp.form.username")).fill(erp.credentials.username);
    await dialog.getByLabel(msg(L, "erp.form.password")).fill(erp.credentials.password);
    await dialog.getByLabel(msg(L, "erp.form.serialnum")).fill(erp.credentials.serialnum);
    await dialog.getByRole("button", { name: msg(L, "erp.form.submitCreate") }).click();
    await expect(dialog).toHaveCount(0);
    await expect(owner.getByText(msg(L, "erp.row.credentialsSet"))).toBeVisible();

    // 4. test connection: logged in, first page read
    await owner.getByRole("button", { name: msg(L, "erp.row.test"), exact: true }).click();
    await expect(owner.getByText(msg(L, "erp.test.sample", { count: 2 }))).toBeVisible();

    // 5. sync now: customers, products, orders and the push all succeed in the runs table
    await owner.getByRole("button", { name: msg(L, "erp.row.syncNow") }).click();
    const succeeded = msg(L, "erp.status.SUCCEEDED");
    for (const entity of ["customers", "products", "orders", "push"])
      await expect(runRow(owner, entity)).toContainText(succeeded, { timeout: 60_000 });
    await expect(runRow(owner, "customers")).toContainText(`${msg(L, "erp.runs.counts.created")} 2`);
    await expect(runRow(owner, "orders")).toContainText(`${msg(L, "erp.runs.counts.linked")} 1`);
    await expect(runRow(owner, "push")).toContainText(`${msg(L, "erp.runs.counts.pushed")} 0`);
    expect(erp.state.pushed).toEqual([]); // the low-value visitor was not sent to the ERP
    await owner.screenshot({ path: shots("zh-desktop-runs"), fullPage: true });

    // 6. the customer who ordered: DEAL, with the order on their page
    const page = await trpcCall<{ items: { id: string; name: string | null }[] }>(
      owner,
      "customers.list",
      { tenantId: team.tenantId, search: "杭州启明贸易" },
      "GET",
    );
    expect(page.items).toHaveLength(1);
    await owner.goto(`/t/${team.slug}/customers/${page.items[0].id}`);
    await expect(owner.getByRole("heading", { name: "杭州启明贸易", level: 1 })).toBeVisible();
    await expect(owner.getByRole("main")).toContainText(msg(L, "customers.states.DEAL"));
    await expect(owner.getByRole("row").filter({ hasText: "AB12345678" })).toContainText("已发货");
    await owner.screenshot({ path: shots("zh-desktop-customer"), fullPage: true });
    expect(missing).toEqual([]);

    // 7. English desktop and a Chinese phone
    const en = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    await setLocale(en, baseURL!, "en");
    const enPage = await en.newPage();
    const enMissing = watchIntlErrors(enPage);
    await signIn(enPage, "en", team.owner.account);
    await openErpSettings(enPage, "en", team.slug);
    await expect(runRow(enPage, "push")).toContainText(msg("en", "erp.status.SUCCEEDED"));
    await enPage.screenshot({ path: shots("en-desktop-runs"), fullPage: true });
    expect(enMissing).toEqual([]);
    await en.close();

    const phone = await browser.newContext({
      baseURL,
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    await setLocale(phone, baseURL!, L);
    const phonePage = await phone.newPage();
    await signIn(phonePage, L, team.owner.account);
    await phonePage.goto(`/t/${team.slug}/settings/erp`);
    await expect(phonePage.getByRole("button", { name: msg(L, "erp.row.syncNow") })).toBeVisible();
    await expect(phonePage.getByRole("list", { name: msg(L, "erp.runs.title") })).toContainText(succeeded);
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phonePage.screenshot({ path: shots("zh-phone-runs"), fullPage: true });
    await phone.close();
  } finally {
    await erp.close();
  }
});
