import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { msg, setLocale, uniqueSuffix, watchIntlErrors, type TLocale } from "./helpers";
import { createTeam, trpcCall } from "./team";
import { customerSays, prepareSupport, REFUND_Q } from "./workbench-helpers";

// The overview dashboard through real pages. A fresh workspace shows the empty state and its getting-
// started steps. Then activity is made through the running app only — four REST customers: two asked
// a FAQ the bot answers, one waiting for a human, one an AGENT took over, answered and closed — and the
// page must show exactly those numbers; switching range (today → hourly chart), channel (WeChat →
// empty, API → back), a custom range (too long → error), a failed load (→ retry), zh + en, phone width.
// Screenshots: empty, zh desktop, en desktop, zh phone.

const L = "zh-CN" as const;
const shots = (name: string) => `test-results/screenshots/dashboard-${name}.png`;

/** The value of one KPI card, found by its label. */
const kpi = (page: Page, l: TLocale, key: string) =>
  page.getByRole("group", { name: msg(l, `dashboard.kpi.${key}`), exact: true }).getByTestId("kpi-value");

async function pick(page: Page, l: TLocale, labelKey: string, optionKey: string) {
  await page.getByRole("combobox", { name: msg(l, labelKey), exact: true }).click();
  await page.getByRole("option", { name: msg(l, optionKey), exact: true }).click();
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test("overview: real numbers, range and channel in the URL, empty and error states, zh/en, phone", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(300_000);
  const team = await createTeam(browser, baseURL!, L, [{ label: "Agent", role: "AGENT" }]);
  const [agent] = team.members;
  const page = team.owner.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const missing = watchIntlErrors(page);

  // 1. a fresh workspace: no activity yet, the getting-started steps are offered
  await page.goto(`/t/${team.slug}`);
  await expect(page.getByText(msg(L, "dashboard.empty.title"))).toBeVisible();
  await expect(page.getByRole("heading", { name: msg(L, "overview.gettingStarted.title") })).toBeVisible();
  await expect(page.getByRole("link", { name: msg(L, "dashboard.empty.action") })).toHaveAttribute(
    "href",
    "#getting-started",
  );
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: shots("empty-zh"), fullPage: true });

  // 2. activity through the REST channel: 4 customers, 4 conversations, 4 customer messages
  const apiKey = await prepareSupport(page, team.tenantId);
  const tag = uniqueSuffix().slice(-5);
  const customer = (n: string) => ({ id: `${n}-${tag}`, name: `${n}${tag}` });
  await customerSays(request, apiKey, customer("a"), REFUND_Q);
  await customerSays(request, apiKey, customer("b"), REFUND_Q);
  await customerSays(request, apiKey, customer("waiting"), "转人工");
  const handed = await customerSays(request, apiKey, customer("handed"), "转人工");
  const conversationId = handed.conversationId;
  await trpcCall(agent.page, "workbench.takeOver", { tenantId: team.tenantId, conversationId });
  await trpcCall(agent.page, "workbench.reply", {
    tenantId: team.tenantId,
    conversationId,
    text: "您好，我来为您处理。",
  });
  await trpcCall(agent.page, "workbench.close", {
    tenantId: team.tenantId,
    conversationId,
    outcome: "RESOLVED",
    requestSatisfaction: false,
  });

  // 3. the default view (last 7 days, all channels) shows exactly that
  await page.reload();
  await expect(kpi(page, L, "customerMessages")).toHaveText("4");
  await expect(kpi(page, L, "conversations")).toHaveText("4");
  await expect(
    page.getByRole("link", {
      name: msg(L, "dashboard.live.open", { name: msg(L, "dashboard.live.waiting"), count: 1 }),
    }),
  ).toHaveAttribute("href", `/t/${team.slug}/inbox`);
  const agentRow = page.getByTestId("agents-table").getByRole("row").filter({ hasText: agent.account.name });
  await expect(agentRow.getByRole("cell")).toHaveText([agent.account.name, "0", "1", "1", /.+/, "—"]);
  await expect(
    page.getByRole("heading", { name: msg(L, "dashboard.charts.messages.titleDay") }),
  ).toBeVisible();
  // the chart's text alternative carries the same numbers
  await expect(page.getByTestId("chart-messages").locator("figcaption")).toContainText("4");
  await expect(
    page.getByRole("table", { name: msg(L, "dashboard.charts.messages.titleDay") }),
  ).toBeAttached();
  await page.screenshot({ path: shots("zh"), fullPage: true });

  // 4. today: the same four messages, per hour; the range is in the URL
  await pick(page, L, "dashboard.toolbar.range", "dashboard.toolbar.presets.today");
  await expect(page).toHaveURL(/[?&]range=today/);
  await expect(
    page.getByRole("heading", { name: msg(L, "dashboard.charts.messages.titleHour") }),
  ).toBeVisible();
  await expect(kpi(page, L, "customerMessages")).toHaveText("4");

  // 5. WeChat had nothing → empty state; it survives a reload; API → the numbers are back
  await pick(page, L, "dashboard.toolbar.channel", "dashboard.toolbar.channels.WECHAT");
  await expect(page).toHaveURL(/channel=WECHAT/);
  await expect(page.getByText(msg(L, "dashboard.empty.title"))).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: msg(L, "dashboard.toolbar.channel") })).toHaveText(
    msg(L, "dashboard.toolbar.channels.WECHAT"),
  );
  await expect(page.getByText(msg(L, "dashboard.empty.title"))).toBeVisible();
  await pick(page, L, "dashboard.toolbar.channel", "dashboard.toolbar.channels.API");
  await expect(kpi(page, L, "customerMessages")).toHaveText("4");

  // 6. a custom range: too long is refused with a message, a valid one goes into the URL
  await pick(page, L, "dashboard.toolbar.range", "dashboard.toolbar.presets.custom");
  const from = page.getByLabel(msg(L, "dashboard.toolbar.from"));
  const to = page.getByLabel(msg(L, "dashboard.toolbar.to"));
  const today = await to.inputValue();
  await from.fill(addDays(today, -100));
  const rangeError = page.locator("#dashboard-range-error");
  await expect(rangeError).toHaveText(msg(L, "dashboard.toolbar.problem.tooLong", { max: 92 }));
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await from.fill(addDays(today, -3));
  await expect(rangeError).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`from=${addDays(today, -3)}&to=${today}&channel=API`));
  await expect(kpi(page, L, "customerMessages")).toHaveText("4");

  // 7. a failed load shows the error with a retry that recovers
  const overviewCall = (url: URL) => url.pathname.includes("dashboard.overview");
  await page.route(overviewCall, (route) =>
    route.fulfill({ status: 500, contentType: "text/plain", body: "down" }),
  );
  await pick(page, L, "dashboard.toolbar.channel", "dashboard.toolbar.channels.all");
  const retry = page.getByTestId("overview-error").getByRole("button", { name: msg(L, "common.retry") });
  await expect(retry).toBeVisible({ timeout: 30_000 });
  await page.unroute(overviewCall);
  await retry.click();
  await expect(retry).toHaveCount(0);
  await expect(kpi(page, L, "customerMessages")).toHaveText("4");

  // 8. English: the same numbers with English labels
  await setLocale(team.owner.context, baseURL!, "en");
  await page.goto(`/t/${team.slug}`);
  await expect(kpi(page, "en", "customerMessages")).toHaveText("4");
  await expect(kpi(page, "en", "botResolutionRate")).toBeVisible();
  await expect(page.getByRole("heading", { name: msg("en", "dashboard.charts.usage.title") })).toBeVisible();
  await page.screenshot({ path: shots("en"), fullPage: true });

  // 9. a phone: one column, nothing wider than the screen
  await setLocale(team.owner.context, baseURL!, L);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/t/${team.slug}`);
  await expect(kpi(page, L, "customerMessages")).toHaveText("4");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shots("phone-zh"), fullPage: true });

  // 10. an AGENT reads the same overview (dashboard.read is everyone's) without the setup steps
  await agent.page.goto(`/t/${team.slug}`);
  await expect(kpi(agent.page, L, "customerMessages")).toHaveText("4");
  await expect(
    agent.page.getByRole("heading", { name: msg(L, "overview.gettingStarted.title") }),
  ).toHaveCount(0);

  expect(missing).toEqual([]);
});
