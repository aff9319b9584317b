import { expect, test, type Page } from "@playwright/test";
import { msg, setLocale, uniqueSuffix, watchIntlErrors, type TLocale } from "./helpers";
import { createTeam, signIn } from "./team";
import { customerSays, prepareSupport } from "./workbench-helpers";

// The customers area through real pages: customers written by the REST channel are listed, filtered
// and searched; an agent-capable owner sets a manual level and the VIP flag on one; the score history
// renders as a chart; a VIEWER reads the same list and detail without any write control. Screenshots
// zh desktop, en desktop and zh phone.

const L = "zh-CN" as const;
const shots = (name: string) => `test-results/screenshots/customers-${name}.png`;

/** A desktop table row of a customer (the phone cards are hidden at this width). */
const rowOf = (page: Page, name: string) => page.getByRole("row").filter({ hasText: name });

async function pick(page: Page, L: TLocale, labelKey: string, optionKey: string) {
  await page.getByRole("combobox", { name: msg(L, labelKey), exact: true }).click();
  await page.getByRole("option", { name: msg(L, optionKey), exact: true }).click();
}

test("customers: list, filter, search, level override, VIP, score chart; a viewer only reads", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const team = await createTeam(browser, baseURL!, L, [{ label: "Viewer", role: "VIEWER" }]);
  const owner = team.owner.page;
  await owner.setViewportSize({ width: 1440, height: 900 });
  const missing = watchIntlErrors(owner);
  const apiKey = await prepareSupport(owner, team.tenantId);

  // three customers, two messages each, through the REST channel
  const tag = uniqueSuffix().slice(-5);
  const customers = [
    { id: `wang-${tag}`, name: `王小明${tag}` },
    { id: `li-${tag}`, name: `李华${tag}` },
    { id: `alice-${tag}`, name: `Alice ${tag}` },
  ];
  for (const c of customers) {
    await customerSays(owner.request, apiKey, c, "你好，想咨询一下产品");
    await customerSays(owner.request, apiKey, c, "多少钱？");
  }
  const [wang, li, alice] = customers;

  // 1. the sidebar leads to the list, which shows all three
  await owner.goto(`/t/${team.slug}`);
  await owner
    .getByRole("navigation", { name: msg(L, "nav.label") })
    .getByRole("link", { name: msg(L, "nav.customers") })
    .click();
  await expect(owner).toHaveURL(`/t/${team.slug}/customers`);
  await expect(owner.getByRole("heading", { name: msg(L, "customers.title"), level: 1 })).toBeVisible();
  for (const c of customers) await expect(rowOf(owner, c.name)).toBeVisible();
  await expect(rowOf(owner, wang.name)).toContainText(
    msg(L, "customers.activity", { messages: 2, conversations: 1 }),
  );

  // 2. search by name
  const search = owner.getByRole("searchbox", { name: msg(L, "customers.searchLabel") });
  await search.fill(`李华${tag}`);
  await expect(rowOf(owner, wang.name)).toHaveCount(0);
  await expect(rowOf(owner, li.name)).toBeVisible();
  await search.fill("no-such-customer-xyz");
  await expect(owner.getByText(msg(L, "customers.emptyFiltered"))).toBeVisible();
  await owner.getByRole("button", { name: msg(L, "customers.clearFilters") }).click();
  await expect(rowOf(owner, alice.name)).toBeVisible();

  // 3. open one: manual level WHITE and VIP on, both still there after a reload
  await rowOf(owner, wang.name).getByRole("link", { name: wang.name }).click();
  await expect(owner.getByRole("heading", { name: wang.name, level: 1 })).toBeVisible();
  await pick(owner, L, "customers.overrideLabel", "customers.levels.WHITE");
  await expect(
    owner
      .getByRole("status")
      .filter({ hasText: msg(L, "customers.overrideSaved", { level: msg(L, "customers.levels.WHITE") }) }),
  ).toBeVisible();
  const vip = owner.getByRole("switch", { name: msg(L, "customers.vipLabel") });
  await expect(vip).not.toBeChecked();
  await vip.click();
  await expect(owner.getByRole("status").filter({ hasText: msg(L, "customers.vipOn") })).toBeVisible();
  await owner.reload();
  const badges = owner.getByTestId("customer-badges");
  await expect(badges.locator('[data-level="WHITE"][data-override="true"]')).toHaveText(
    new RegExp(msg(L, "customers.levels.WHITE")),
  );
  await expect(badges).toContainText(msg(L, "customers.vip"));
  await expect(owner.getByRole("switch", { name: msg(L, "customers.vipLabel") })).toBeChecked();

  // 4. the score history (written by the re-score job after each message) renders as a chart
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("score-chart").locator("svg.recharts-surface")).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(owner.locator("figcaption")).toContainText(
    msg(L, "customers.chart.bands", { gray: 40, white: 80 }),
  );
  await owner.screenshot({ path: shots("zh-desktop-detail"), fullPage: true });

  // 5. filters: VIP only, then level WHITE (the override counts)
  await owner.getByRole("link", { name: msg(L, "customers.back") }).click();
  await expect(rowOf(owner, wang.name)).toBeVisible();
  await expect(rowOf(owner, wang.name).locator('[data-override="true"]')).toBeVisible();
  await pick(owner, L, "customers.filters.vip", "customers.filters.vipOnly");
  await expect(rowOf(owner, li.name)).toHaveCount(0);
  await expect(rowOf(owner, wang.name)).toBeVisible();
  await pick(owner, L, "customers.filters.vip", "customers.filters.all");
  await pick(owner, L, "customers.filters.level", "customers.levels.WHITE");
  await expect(rowOf(owner, alice.name)).toHaveCount(0);
  await expect(rowOf(owner, wang.name)).toBeVisible();
  await pick(owner, L, "customers.filters.level", "customers.filters.all");
  await pick(owner, L, "customers.filters.sort", "customers.filters.sortScore");
  await expect(rowOf(owner, alice.name)).toBeVisible();
  await owner.screenshot({ path: shots("zh-desktop-list"), fullPage: true });
  expect(missing).toEqual([]);

  // 6. a VIEWER reads the list and the detail, without the level or VIP controls
  const viewer = team.members[0].page;
  await viewer.setViewportSize({ width: 1440, height: 900 });
  await viewer.goto(`/t/${team.slug}/customers`);
  for (const c of customers) await expect(rowOf(viewer, c.name)).toBeVisible();
  await rowOf(viewer, wang.name).getByRole("link", { name: wang.name }).click();
  await expect(viewer.getByRole("heading", { name: wang.name, level: 1 })).toBeVisible();
  await expect(viewer.getByTestId("customer-badges").locator('[data-override="true"]')).toBeVisible();
  await expect(viewer.getByRole("combobox", { name: msg(L, "customers.overrideLabel") })).toHaveCount(0);
  await expect(viewer.getByRole("switch")).toHaveCount(0);

  // 7. screenshots: en desktop, zh phone
  const en = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await setLocale(en, baseURL!, "en");
  const enPage = await en.newPage();
  await signIn(enPage, "en", team.owner.account);
  await enPage.goto(`/t/${team.slug}/customers`);
  await expect(rowOf(enPage, wang.name)).toBeVisible();
  await enPage.screenshot({ path: shots("en-desktop-list"), fullPage: true });
  await rowOf(enPage, wang.name).getByRole("link", { name: wang.name }).click();
  await expect(enPage.getByTestId("score-chart").locator("svg.recharts-surface")).toBeVisible();
  await enPage.screenshot({ path: shots("en-desktop-detail"), fullPage: true });
  await en.close();

  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await setLocale(phone, baseURL!, L);
  const phonePage = await phone.newPage();
  await signIn(phonePage, L, team.owner.account);
  await phonePage.goto(`/t/${team.slug}/customers`);
  const card = phonePage
    .getByRole("list", { name: msg(L, "customers.title") })
    .getByRole("link")
    .filter({ hasText: wang.name });
  await expect(card).toBeVisible();
  await phonePage.screenshot({ path: shots("zh-phone-list"), fullPage: true });
  await card.click();
  await expect(phonePage.getByRole("heading", { name: wang.name, level: 1 })).toBeVisible();
  await expect(phonePage.getByTestId("score-chart").locator("svg.recharts-surface")).toBeVisible();
  await phonePage.screenshot({ path: shots("zh-phone-detail"), fullPage: true });
  await phone.close();
});
