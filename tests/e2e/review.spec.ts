import { expect, test, type Page } from "@playwright/test";
import { msg, setLocale, uniqueSuffix, watchIntlErrors } from "./helpers";
import { createTeam, signIn, trpcCall, type TTeam } from "./team";
import { customerSays, prepareSupport } from "./workbench-helpers";

// The learning loop's review queue through real pages. Review items come from the real path: a REST
// customer asks for a human and a question, an AGENT takes over, answers and closes — the learning job
// (in-process, after the close) files the human answer as a PENDING item. A REVIEWER then edits and
// approves one (it shows in the knowledge base), rejects one with a note, bulk-approves two and reverts
// an automatic approval (a thanked answer); an AGENT has neither the nav entry nor the page.
// Screenshots: zh desktop, en desktop, zh phone.

const L = "zh-CN" as const;
const shots = (name: string) => `test-results/screenshots/review-${name}.png`;

const CASES = [
  { q: "发票怎么开？", a: "下单后在订单详情页点击申请发票，填写抬头和税号即可，电子发票会发到邮箱。" },
  { q: "可以开增值税专票吗？", a: "可以的，请在申请发票时选择专票，并上传营业执照和开户行信息供我们核对。" },
  { q: "运费怎么算？", a: "满九十九元包邮，不满的订单按收货地区收取六到十二元运费，偏远地区另计。" },
  { q: "支持货到付款吗？", a: "目前支持货到付款，下单时在支付方式里选择货到付款，快递员上门时付款即可。" },
];

/** One conversation per case: customer → human → question; the agent answers and closes it. */
async function learnFrom(
  team: TTeam,
  agent: Page,
  apiKey: string,
  request: Parameters<typeof customerSays>[0],
) {
  for (const c of [...CASES, THANKED]) {
    const customer = { id: `c-${uniqueSuffix()}`, name: `客户${uniqueSuffix().slice(-4)}` };
    const transfer = await customerSays(request, apiKey, customer, "转人工");
    const conversationId = transfer.conversationId;
    await customerSays(request, apiKey, customer, c.q);
    await trpcCall(agent, "workbench.takeOver", { tenantId: team.tenantId, conversationId });
    await trpcCall(agent, "workbench.reply", { tenantId: team.tenantId, conversationId, text: c.a });
    // a thanked human answer is confident enough (0.81) to be approved automatically
    if (c === THANKED) await customerSays(request, apiKey, customer, "好的，谢谢");
    await trpcCall(agent, "workbench.close", {
      tenantId: team.tenantId,
      conversationId,
      outcome: "RESOLVED",
      requestSatisfaction: false,
    });
  }
}

const THANKED = {
  q: "退货地址在哪里？",
  a: "请寄回：上海市浦东新区张江路一百号三楼售后部，收件人写售后组即可。",
};

const itemOf = (page: Page, question: string) =>
  page.getByTestId("review-item").filter({ hasText: question });

test("reviewer: edit & approve, reject with a note, bulk approve; agent: no access", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(300_000);
  const team = await createTeam(browser, baseURL!, L, [
    { label: "Reviewer", role: "REVIEWER" },
    { label: "Agent", role: "AGENT" },
  ]);
  const [reviewer, agent] = team.members;
  const apiKey = await prepareSupport(team.owner.page, team.tenantId, { qa: false });
  await learnFrom(team, agent.page, apiKey, request);

  const page = reviewer.page;
  const missing = watchIntlErrors(page);
  await page.goto(`/t/${team.slug}`);
  const nav = page.getByRole("navigation", { name: msg(L, "nav.label") });
  await nav.getByRole("link", { name: msg(L, "nav.review") }).click();
  await expect(page.getByRole("heading", { name: msg(L, "review.title"), level: 1 })).toBeVisible();
  // the learning job runs after each close: wait until all four are filed
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("review-item")).toHaveCount(CASES.length, { timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
  const pendingTab = page.getByRole("tab", { name: new RegExp(`^${msg(L, "review.status.PENDING")}`) });
  await expect(pendingTab).toHaveAttribute("aria-selected", "true");
  await expect(pendingTab).toContainText(String(CASES.length));

  // an item: question, answer, answered by a human agent, confidence, and the folded conversation
  const first = itemOf(page, CASES[0].q);
  await expect(first).toContainText(CASES[0].a);
  await expect(first).toContainText(msg(L, "review.answeredBy.HUMAN"));
  await expect(first).toContainText(msg(L, "review.confidence", { value: 75 }));
  const excerpt = first.getByText(msg(L, "review.excerpt"));
  await excerpt.click();
  await expect(first.locator("details ol")).toContainText(msg(L, "review.role.CUSTOMER"));
  // a reviewer has no workbench: no link into it
  await expect(first.getByRole("link", { name: msg(L, "review.openConversation") })).toHaveCount(0);
  await page.screenshot({ path: shots("zh-desktop"), fullPage: true });

  // search narrows the list
  await page.getByRole("searchbox", { name: msg(L, "review.searchLabel") }).fill("运费");
  await expect(page.getByTestId("review-item")).toHaveCount(1);
  await page.getByRole("searchbox", { name: msg(L, "review.searchLabel") }).fill("");
  await expect(page.getByTestId("review-item")).toHaveCount(CASES.length);

  // the owner (who has the workbench) gets the conversation link; English screenshot
  const owner = team.owner;
  await setLocale(owner.context, baseURL!, "en");
  await owner.page.goto(`/t/${team.slug}/review`);
  const ownerItem = itemOf(owner.page, CASES[0].q);
  await ownerItem.getByText(msg("en", "review.excerpt")).click();
  const link = ownerItem.getByRole("link", { name: msg("en", "review.openConversation") });
  await expect(link).toHaveAttribute("href", new RegExp(`^/t/${team.slug}/inbox/[0-9a-f-]{36}$`));
  await owner.page.screenshot({ path: shots("en-desktop"), fullPage: true });

  // phone: the reviewer signed in on a small screen
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await setLocale(phone, baseURL!, L);
  const phonePage = await phone.newPage();
  await signIn(phonePage, L, reviewer.account);
  await phonePage.goto(`/t/${team.slug}/review`);
  await expect(phonePage.getByTestId("review-item")).toHaveCount(CASES.length);
  await phonePage.screenshot({ path: shots("zh-phone"), fullPage: true });
  await phone.close();

  // edit & approve the first: empty fields are refused, the edited wording is what gets learned
  const edited = {
    q: "怎么申请开发票？",
    a: "在订单详情页点击“申请发票”，填写抬头和税号，电子发票会发到您的邮箱。",
  };
  await first
    .getByRole("button", { name: msg(L, "review.editApproveFor", { question: CASES[0].q }) })
    .click();
  const dialog = page.getByRole("dialog");
  const qField = dialog.getByLabel(msg(L, "review.question"), { exact: true });
  await expect(qField).toHaveValue(CASES[0].q);
  await qField.fill("");
  await dialog.getByRole("button", { name: msg(L, "review.approve"), exact: true }).click();
  await expect(dialog.getByText(msg(L, "validation.required"))).toBeVisible();
  await expect(qField).toBeFocused();
  await qField.fill(edited.q);
  await dialog.getByLabel(msg(L, "review.answer"), { exact: true }).fill(edited.a);
  await page.screenshot({ path: shots("zh-desktop-edit") });
  await dialog.getByRole("button", { name: msg(L, "review.approve"), exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(msg(L, "review.approved"))).toBeVisible();
  await expect(itemOf(page, CASES[0].q)).toHaveCount(0);

  // reject the second with a note
  await itemOf(page, CASES[1].q)
    .getByRole("button", { name: msg(L, "review.rejectFor", { question: CASES[1].q }) })
    .click();
  await dialog.getByLabel(msg(L, "review.rejectNote")).fill("专票流程另有规定");
  await dialog.getByRole("button", { name: msg(L, "review.reject"), exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(msg(L, "review.rejected"), { exact: true }).first()).toBeVisible();
  await expect(itemOf(page, CASES[1].q)).toHaveCount(0);

  // bulk: select the remaining two and approve them together
  for (const c of CASES.slice(2))
    await page.getByRole("checkbox", { name: msg(L, "review.select", { question: c.q }) }).check();
  await expect(page.getByText(msg(L, "review.selected", { count: 2 })).first()).toBeVisible();
  await page.getByRole("button", { name: msg(L, "review.bulkApprove") }).click();
  await expect(page.getByText(msg(L, "review.bulkDone", { done: 2 }))).toBeVisible();
  await expect(page.getByText(msg(L, "review.empty.PENDING"))).toBeVisible();
  await expect(pendingTab).toContainText("0");

  // the other tabs: approved (three, the edited wording), rejected (with its note)
  await page.getByRole("tab", { name: new RegExp(`^${msg(L, "review.status.APPROVED")}`) }).click();
  await expect(page.getByTestId("review-item")).toHaveCount(3);
  await expect(itemOf(page, edited.q)).toContainText(edited.a);
  await page.getByRole("tab", { name: new RegExp(`^${msg(L, "review.status.REJECTED")}`) }).click();
  await expect(itemOf(page, CASES[1].q)).toContainText("专票流程另有规定");

  // the automatic approval is listed as such and can be reverted (it becomes rejected)
  const autoTab = page.getByRole("tab", { name: new RegExp(`^${msg(L, "review.status.AUTO_APPROVED")}`) });
  await autoTab.click();
  const auto = itemOf(page, THANKED.q);
  await expect(auto).toContainText(msg(L, "review.confidence", { value: 81 }));
  await auto.getByRole("button", { name: msg(L, "review.revertFor", { question: THANKED.q }) }).click();
  await dialog.getByRole("button", { name: msg(L, "review.revert"), exact: true }).click();
  await expect(page.getByText(msg(L, "review.reverted"))).toBeVisible();
  await expect(auto).toHaveCount(0);
  await expect(autoTab).toContainText("0");

  // the knowledge base has the approved pairs (and not the reverted one)
  await page.goto(`/t/${team.slug}/knowledge`);
  const kb = page.getByRole("table"); // the desktop table (the phone list is hidden)
  await expect(kb.getByText(edited.q)).toBeVisible();
  await expect(kb.getByText(CASES[2].q)).toBeVisible();
  await expect(kb.getByText(CASES[1].q)).toHaveCount(0);
  await expect(kb.getByText(THANKED.q)).toHaveCount(0);
  expect(missing).toEqual([]);

  // an AGENT: no nav entry, and the page says so plainly
  await agent.page.goto(`/t/${team.slug}`);
  await expect(
    agent.page
      .getByRole("navigation", { name: msg(L, "nav.label") })
      .getByRole("link", { name: msg(L, "nav.inbox") }),
  ).toBeVisible();
  await expect(agent.page.getByRole("link", { name: msg(L, "nav.review") })).toHaveCount(0);
  await agent.page.goto(`/t/${team.slug}/review`);
  await expect(agent.page.getByText(msg(L, "noPermission.title"))).toBeVisible();
});
