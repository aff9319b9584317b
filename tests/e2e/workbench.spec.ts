import { expect, test } from "@playwright/test";
import { msg, uniqueSuffix, watchIntlErrors } from "./helpers";
import { createTeam, trpcCall } from "./team";
import {
  customerSays,
  openInbox,
  prepareSupport,
  REFUND_A,
  REFUND_Q,
  restConversation,
  watchHistoryFor,
  workbench,
} from "./workbench-helpers";

// The agents' inbox through real pages: a REST customer is answered by the bot, asks for a human and
// appears live in the waiting queue; an agent takes over, replies (the customer's channel gets it),
// writes an internal note (the customer never sees it), hands back to the bot and closes with a rating
// request. Plus: racing takeovers, a VIEWER without the inbox, live list updates with their latency,
// and screenshots (desktop zh/en, phone).

const L = "zh-CN" as const;
const CANNED = "退款审核通过后 1-3 个工作日原路退回，请留意账户变动。";
const shots = (name: string) => `test-results/screenshots/workbench-${name}.png`;

test("agent: waiting → take over → reply → note → back to bot → close with rating", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(240_000);
  const team = await createTeam(browser, baseURL!, L, [{ label: "Agent", role: "AGENT" }]);
  const apiKey = await prepareSupport(team.owner.page, team.tenantId);
  await trpcCall(team.owner.page, "cannedReplies.create", {
    tenantId: team.tenantId,
    shortcut: "退款时效",
    content: CANNED,
  });
  const agent = team.members[0];
  const page = agent.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const missing = watchIntlErrors(page);
  const wb = workbench(page, L);
  await openInbox(page, team.slug, L);
  await expect(page.getByText(msg(L, "workbench.empty.waiting"))).toBeVisible();

  // the bot answers a known question; asking for a person puts the conversation in the queue
  const customer = { id: `c-${uniqueSuffix()}`, name: `王女士${uniqueSuffix().slice(-4)}` };
  const answered = await customerSays(request, apiKey, customer, REFUND_Q);
  expect(answered.action).toBe("reply");
  const escalated = await customerSays(request, apiKey, customer, "转人工");
  expect(escalated.action).toBe("transfer");
  const conversationId = escalated.conversationId;

  // …and it arrives in "waiting" without a reload, with its reason and waiting time
  const row = wb.row(customer.name);
  await expect(row).toBeVisible();
  await expect(row).toContainText(msg(L, "workbench.reason.keyword"));
  await expect(row).toContainText(msg(L, "workbench.waiting.justNow"));
  await expect(wb.tab("waiting")).toContainText("1");
  await page.screenshot({ path: shots("zh-desktop-waiting") });

  // the conversation: history with the bot's confidence and (folded) evidence
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${conversationId}$`));
  await expect(wb.history.locator('[data-role="CUSTOMER"]').getByText(REFUND_Q)).toBeVisible();
  await expect(wb.history.getByText(REFUND_A)).toBeVisible();
  const botLine = wb.history.locator('[data-role="BOT"]').first();
  await expect(botLine).toContainText(msg(L, "workbench.message.confidence", { value: "" }).trim());
  await botLine.getByText(msg(L, "workbench.message.evidence", { count: 1 })).click();
  await expect(botLine.getByRole("listitem").filter({ hasText: REFUND_Q })).toBeVisible();
  await expect(wb.reply).toHaveCount(0); // not mine yet: only notes
  await expect(page.getByText(msg(L, "workbench.composer.takeOverToReply"))).toBeVisible();

  // take over: the customer is told who joined, through their own channel
  await wb.takeOver.click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText(customer.name);
  await expect(wb.header).toContainText(msg(L, "workbench.status.HUMAN"));
  await expect(wb.header).toContainText(msg(L, "workbench.handledBy", { name: agent.account.name }));
  const joined = `客服【${agent.account.name}】已接入`;
  await expect(wb.history.getByText(joined, { exact: false })).toBeVisible();
  await expect(wb.reply).toBeFocused();

  // "/" + a shortcut offers canned replies; Enter picks the highlighted one
  await wb.reply.fill("/退");
  const option = page.getByRole("option", { name: /\/退款时效/ });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await wb.reply.press("Enter");
  await expect(wb.reply).toHaveValue(CANNED);
  await expect(option).toHaveCount(0);

  // reply with Enter; Shift+Enter keeps a line break in the same message
  await wb.reply.fill("您好，我来帮您处理退款");
  await wb.reply.press("Shift+Enter");
  await wb.reply.pressSequentially("请提供订单号");
  await wb.reply.press("Enter");
  const agentLine = wb.history.locator('[data-role="AGENT"]').last();
  await expect(agentLine).toContainText("您好，我来帮您处理退款\n请提供订单号");
  await expect(agentLine).toContainText(msg(L, "workbench.message.delivery.SENT"));
  await expect(wb.reply).toHaveValue("");

  // the customer's message arrives live in the open conversation (and its preview in the list)
  await customerSays(request, apiKey, customer, "订单号是 A1234");
  await expect(wb.history.getByText("订单号是 A1234")).toBeVisible();
  await expect(wb.row(customer.name)).toHaveCount(0); // no longer waiting
  await wb.tab("mine").click();
  await expect(wb.row(customer.name)).toContainText("订单号是 A1234");

  // an internal note is marked as internal and never reaches the customer
  await page.getByRole("radio", { name: msg(L, "workbench.composer.modeNote") }).click();
  await wb.note.fill("客户很着急，优先处理");
  await wb.note.press("Enter");
  const noteLine = wb.history.locator('[data-role="NOTE"]').last();
  await expect(noteLine).toContainText("客户很着急，优先处理");
  await expect(noteLine).toContainText(msg(L, "workbench.message.internal"));
  await page.screenshot({ path: shots("zh-desktop-conversation") });

  const seen = await restConversation(request, apiKey, conversationId);
  expect(seen.status).toBe("HUMAN");
  expect(seen.messages.map((m) => m.content)).toEqual(
    expect.arrayContaining([expect.stringContaining(joined), "您好，我来帮您处理退款\n请提供订单号"]),
  );
  expect(seen.messages.some((m) => m.content.includes("客户很着急"))).toBe(false);

  // back to the bot, then close with a rating request
  await wb.header.getByRole("button", { name: msg(L, "workbench.release.button") }).click();
  await wb.dialog.getByRole("button", { name: msg(L, "workbench.release.confirm") }).click();
  await expect(wb.dialog).toHaveCount(0);
  await expect(wb.history.getByText("已为您转回智能助手")).toBeVisible();
  await expect(wb.header).toContainText(msg(L, "workbench.status.BOT"));

  await wb.header.getByRole("button", { name: msg(L, "workbench.close.button"), exact: true }).click();
  await expect(wb.dialog.getByRole("switch", { name: msg(L, "workbench.close.askRating") })).toBeChecked();
  await page.screenshot({ path: shots("zh-desktop-close-dialog") });
  await wb.dialog.getByRole("button", { name: msg(L, "workbench.close.confirm") }).click();
  await expect(wb.dialog).toHaveCount(0);
  await expect(wb.history.getByText("请为本次服务打分（1-5）")).toBeVisible();
  await expect(wb.header).toContainText(msg(L, "workbench.status.CLOSED"));
  await expect(wb.header).toContainText(msg(L, "workbench.outcome.RESOLVED"));
  await wb.tab("closed").click();
  await expect(wb.row(customer.name)).toBeVisible();
  const final = await restConversation(request, apiKey, conversationId);
  expect(final.status).toBe("CLOSED");
  expect(final.messages.at(-1)?.content).toBe("请为本次服务打分（1-5）");
  expect(missing).toEqual([]);
});

test("takeover race: two agents click at once, exactly one wins and the other sees who; transfer", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(240_000);
  const team = await createTeam(browser, baseURL!, L, [
    { label: "Alice", role: "AGENT" },
    { label: "Bob", role: "AGENT" },
    { label: "Viewer", role: "VIEWER" },
  ]);
  const apiKey = await prepareSupport(team.owner.page, team.tenantId);
  const [alice, bob, viewer] = team.members;
  const customer = { id: `c-${uniqueSuffix()}`, name: `李先生${uniqueSuffix().slice(-4)}` };
  const { conversationId } = await customerSays(request, apiKey, customer, "我要找人工客服");

  for (const m of [alice, bob]) await m.page.goto(`/t/${team.slug}/inbox/${conversationId}`);
  const buttons = [alice, bob].map((m) => workbench(m.page, L).takeOver);
  for (const b of buttons) await expect(b).toBeEnabled();
  await Promise.all(buttons.map((b) => b.click()));

  const won = async (p: typeof alice) =>
    (await workbench(p.page, L).reply.count()) === 1 &&
    (await p.page.getByText(msg(L, "workbench.composer.takeOverToReply")).count()) === 0;
  await expect
    .poll(async () => [await won(alice), await won(bob)].filter(Boolean).length, { timeout: 15_000 })
    .toBe(1);
  const [winner, loser] = (await won(alice)) ? [alice, bob] : [bob, alice];
  await expect(
    loser.page.getByText(msg(L, "workbench.takeOver.alreadyTakenBy", { name: winner.account.name })),
  ).toBeVisible();
  await expect(workbench(loser.page, L).takeOver).toHaveCount(0);

  // the winner offers it to the other agent, who sees the offer live and accepts
  const w = workbench(winner.page, L);
  await w.header.getByRole("button", { name: msg(L, "workbench.transfer.button") }).click();
  await w.dialog.getByRole("radio", { name: new RegExp(loser.account.name) }).check();
  await w.dialog.getByLabel(msg(L, "workbench.transfer.note")).fill("客户要开发票，请帮忙跟进");
  await winner.page.screenshot({ path: shots("zh-desktop-transfer-dialog") });
  await w.dialog.getByRole("button", { name: msg(L, "workbench.transfer.submit") }).click();
  await expect(w.dialog).toHaveCount(0);
  await expect(w.header).toContainText(msg(L, "workbench.transfer.waitingFor", { name: loser.account.name }));
  const offer = loser.page.getByRole("region", { name: msg(L, "workbench.transfer.bannerLabel") });
  await expect(offer).toContainText(msg(L, "workbench.transfer.offer", { name: winner.account.name }));
  await expect(offer).toContainText("客户要开发票，请帮忙跟进");
  await loser.page.screenshot({ path: shots("zh-desktop-transfer-offer") });
  await offer.getByRole("button", { name: msg(L, "workbench.transfer.accept") }).click();
  await expect(offer).toHaveCount(0);
  const l = workbench(loser.page, L);
  await expect(l.reply).toBeVisible();
  await expect(l.header).toContainText(msg(L, "workbench.handledBy", { name: loser.account.name }));
  await expect(l.history.getByText(`已为您转接客服【${loser.account.name}】`)).toBeVisible();
  // …and the former holder's screen follows without a reload: notes only now
  await expect(w.reply).toHaveCount(0);
  await expect(winner.page.getByText(msg(L, "workbench.composer.takeOverToReply"))).toBeVisible();

  // a VIEWER has no inbox: no nav entry, a plain "no permission" page, and the API refuses
  await viewer.page.goto(`/t/${team.slug}/inbox`);
  await expect(viewer.page.getByText(msg(L, "noPermission.title"))).toBeVisible();
  await expect(
    viewer.page
      .getByRole("navigation", { name: msg(L, "nav.label") })
      .getByRole("link", { name: msg(L, "nav.inbox") }),
  ).toHaveCount(0);
  await expect(
    trpcCall(viewer.page, "workbench.takeOver", { tenantId: team.tenantId, conversationId }),
  ).rejects.toThrow(/403/);
});

test("live: new conversations and messages reach an open inbox without reload (latency measured)", async ({
  browser,
  baseURL,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  const team = await createTeam(browser, baseURL!, L, [{ label: "Agent", role: "AGENT" }]);
  const apiKey = await prepareSupport(team.owner.page, team.tenantId);
  const page = team.members[0].page;
  const wb = workbench(page, L);
  await openInbox(page, team.slug, L);
  await wb.tab("all").click();
  // a marker on the window: a reload would drop it, client-side navigation keeps it
  await page.evaluate(() => Object.assign(window, { __notReloaded: true }));

  // a new conversation appears in "all"; asking for a human moves it to "waiting", counted in the title
  const customer = { id: `c-${uniqueSuffix()}`, name: `赵女士${uniqueSuffix().slice(-4)}` };
  await customerSays(request, apiKey, customer, "你好");
  await expect(wb.row(customer.name)).toBeVisible();
  await wb.tab("waiting").click();
  await expect(wb.row(customer.name)).toHaveCount(0);
  await customerSays(request, apiKey, customer, "转人工");
  await expect(wb.row(customer.name)).toBeVisible();
  await expect(page).toHaveTitle(/^\(1\) /);

  // message → screen: from the moment the REST call leaves until the text is in the open
  // conversation, timed inside the page at the DOM change (same machine, same clock)
  await wb.row(customer.name).click();
  await wb.takeOver.click();
  await expect(wb.reply).toBeVisible();
  const samples: number[] = [];
  for (let i = 0; i < 12; i++) {
    const text = `第 ${i + 1} 条消息 ${uniqueSuffix()}`;
    const shownAt = await watchHistoryFor(page, msg(L, "workbench.historyLabel"), text);
    const started = Date.now();
    await customerSays(request, apiKey, customer, text);
    samples.push((await shownAt()) - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1];
  testInfo.annotations.push({
    type: "message-to-workbench-ms",
    description: `${samples.join(",")} p95=${p95}`,
  });
  console.log(`[workbench] REST message → open conversation: ${samples.join(", ")} ms; p95 ${p95} ms`);
  // the figure is the measurement the issue asks for; tests do not assert timings (a loaded CI
  // machine must not fail a correct build), they record them
  expect(samples).toHaveLength(12);
  expect(await page.evaluate(() => "__notReloaded" in window)).toBe(true);
});

test("screenshots: en desktop and zh phone (list and conversation as separate screens)", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(240_000);
  const team = await createTeam(browser, baseURL!, "en", [{ label: "Agent", role: "AGENT" }]);
  const apiKey = await prepareSupport(team.owner.page, team.tenantId);
  const customer = { id: `c-${uniqueSuffix()}`, name: `Ms Chen ${uniqueSuffix().slice(-4)}` };
  await customerSays(request, apiKey, customer, REFUND_Q);
  const { conversationId } = await customerSays(
    request,
    apiKey,
    customer,
    "转人工 <b>now</b><script>x</script>",
  );

  // English desktop: the agent's view (the owner is an agent too)
  const en = team.owner.page;
  await en.setViewportSize({ width: 1280, height: 800 });
  const missing = watchIntlErrors(en);
  await openInbox(en, team.slug, "en");
  const wbEn = workbench(en, "en");
  await wbEn.row(customer.name).click();
  // markup typed by a customer is shown as text
  await expect(wbEn.history.getByText("转人工 <b>now</b><script>x</script>")).toBeVisible();
  await expect(en.locator("main b, main script")).toHaveCount(0);
  await wbEn.takeOver.click();
  await expect(wbEn.reply).toBeFocused();
  await wbEn.reply.fill("Hello, let me check that for you.");
  await wbEn.reply.press("Enter");
  await expect(wbEn.history.locator('[data-role="AGENT"]')).toBeVisible();
  await en.screenshot({ path: shots("en-desktop-conversation") });
  expect(missing).toEqual([]);

  // a phone: the list, then the conversation full-screen, the customer panel in a sheet, back
  const phoneContext = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState: await team.members[0].context.storageState(),
  });
  await phoneContext.addCookies([{ name: "NEXT_LOCALE", value: L, url: baseURL! }]);
  const phone = await phoneContext.newPage();
  const wb = workbench(phone, L);
  await openInbox(phone, team.slug, L);
  await wb.tab("all").click();
  await expect(wb.row(customer.name)).toBeVisible();
  await phone.screenshot({ path: shots("zh-phone-list") });
  await wb.row(customer.name).click();
  await expect(phone).toHaveURL(new RegExp(`/inbox/${conversationId}$`));
  await expect(wb.list).toBeHidden();
  await expect(wb.history.getByText("Hello, let me check that for you.")).toBeVisible();
  await phone.screenshot({ path: shots("zh-phone-conversation") });
  await phone.getByRole("button", { name: msg(L, "workbench.customer.open") }).click();
  await expect(phone.getByRole("dialog").getByText(customer.name)).toBeVisible();
  await phone.waitForTimeout(300); // let the sheet settle
  await phone.screenshot({ path: shots("zh-phone-customer") });
  await phone.keyboard.press("Escape");
  await phone.getByRole("link", { name: msg(L, "workbench.backToList") }).click();
  await expect(wb.list).toBeVisible();
  await phoneContext.close();
});
