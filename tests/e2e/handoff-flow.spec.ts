import type http from "node:http";
import { expect, test } from "@playwright/test";
import { msg, uniqueSuffix } from "./helpers";
import { createTeam } from "./team";
import { SHOP, startShop, W, widgetOf } from "./widget-host";
import {
  openInbox,
  prepareSupport,
  REFUND_A,
  REFUND_Q,
  watchHistoryFor,
  workbench,
} from "./workbench-helpers";

// The whole handoff, as PRODUCT.md §2 and §10 describe it, with every party in its own browser: a
// customer on a shop of another origin (script tag) asks a known question and the bot answers; the
// customer asks for a human; two agents see it arrive live and race to take it (one wins); the winner
// replies (the customer sees it live), transfers to a third agent who accepts; that agent hands back to
// the bot, which answers again, and closes with a rating request; the customer rates in the widget and
// the agent sees the rating. Also measured: customer message → agent's screen, over the widget channel.

const L = "zh-CN" as const;
const TITLE = "在线客服";
const S = W[L];

let shop: http.Server | undefined;
test.afterAll(async () => {
  shop?.closeAllConnections();
  await new Promise((resolve) => (shop ? shop.close(resolve) : resolve(null)));
});

test("widget customer → live queue → race → reply → transfer → release → close → rating", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(480_000);
  const team = await createTeam(browser, baseURL!, L, [
    { label: "Alice", role: "AGENT" },
    { label: "Bob", role: "AGENT" },
    { label: "Carol", role: "AGENT" },
  ]);
  await prepareSupport(team.owner.page, team.tenantId);
  const [alice, bob, carol] = team.members;
  shop = await startShop(() => team.slug);

  // agents keep their inbox open (live, no reloads)
  for (const m of [alice, bob, carol]) {
    await m.page.setViewportSize({ width: 1440, height: 900 });
    await openInbox(m.page, team.slug, L);
    await m.page.evaluate(() => Object.assign(window, { __notReloaded: true }));
  }

  // 1. the customer asks a known question on the shop's page; the bot answers
  const customerCtx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: "reduce",
  });
  const customer = await customerCtx.newPage();
  await customer.goto(`${SHOP}/`);
  const w = widgetOf(customer, L, TITLE);
  await w.launcher.click();
  await expect(w.composer).toBeFocused();
  await w.composer.fill(REFUND_Q);
  await w.send.click();
  await expect(w.log.getByText(REFUND_A)).toBeVisible();

  // 2. …then asks for a human (the button) and writes while waiting: the conversation appears in
  // every agent's waiting list, live, with that message as its preview
  await w.handoff.click();
  await expect(w.panel.getByText(S.waitingHuman)).toBeVisible();
  await expect(w.handoff).toBeHidden();
  const marker = `换货问题 ${uniqueSuffix()}`;
  await w.composer.fill(marker);
  await w.send.click();
  for (const m of [alice, bob]) await expect(workbench(m.page, L).row(marker)).toBeVisible();

  // 3. Alice and Bob open it and click "take over" at the same moment: exactly one wins
  for (const m of [alice, bob]) await workbench(m.page, L).row(marker).click();
  const takeOvers = [alice, bob].map((m) => workbench(m.page, L).takeOver);
  for (const b of takeOvers) await expect(b).toBeEnabled();
  await Promise.all(takeOvers.map((b) => b.click()));
  const replyBoxes = [alice, bob].map((m) => workbench(m.page, L).reply);
  await expect.poll(async () => (await replyBoxes[0].count()) + (await replyBoxes[1].count())).toBe(1);
  const [winner, loser] = (await replyBoxes[0].count()) === 1 ? [alice, bob] : [bob, alice];
  await expect(
    loser.page.getByText(msg(L, "workbench.takeOver.alreadyTakenBy", { name: winner.account.name })),
  ).toBeVisible();

  // the customer is told who joined
  await expect(w.log.getByText(`客服【${winner.account.name}】已接入`, { exact: false })).toBeVisible();

  // 4. the winner replies; the customer sees it live
  const wb = workbench(winner.page, L);
  await wb.reply.fill("您好，我来帮您处理换货");
  await wb.reply.press("Enter");
  await expect(w.log.getByText("您好，我来帮您处理换货")).toBeVisible();

  // customer → agent's screen, timed in the pages on the same clock (widget channel end to end).
  // 45 samples make the p95 a real percentile (the 43rd value) rather than the maximum; the e2e
  // server lets a visitor send more than the default 20 messages a minute for this.
  const samples: number[] = [];
  for (let i = 0; i < 45; i++) {
    const text = `延迟测试 ${i + 1} ${uniqueSuffix()}`;
    const shownAt = await watchHistoryFor(winner.page, msg(L, "workbench.historyLabel"), text);
    await w.composer.fill(text);
    const sentAt = await w.send.evaluate((button: HTMLElement) => {
      const t = Date.now();
      button.click();
      return t;
    });
    samples.push((await shownAt()) - sentAt);
    await expect(w.log.getByText(text)).toBeVisible();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)];
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1];
  const figures = `widget message → agent screen: ${samples.join(", ")} ms; p50 ${p50} ms, p95 ${p95} ms`;
  testInfo.annotations.push({ type: "widget-to-workbench-ms", description: figures });
  console.log(`[handoff] ${figures}`);

  // 5. transfer to Carol, who gets the offer live and accepts
  await winner.page.getByRole("button", { name: msg(L, "workbench.transfer.button") }).click();
  const dialog = winner.page.getByRole("dialog");
  await dialog.getByRole("radio", { name: new RegExp(carol.account.name) }).check();
  await dialog.getByLabel(msg(L, "workbench.transfer.note")).fill("客户要换货，订单 A1234");
  await dialog.getByRole("button", { name: msg(L, "workbench.transfer.submit") }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    winner.page.getByText(msg(L, "workbench.transfer.waitingFor", { name: carol.account.name })),
  ).toBeVisible();

  const offer = carol.page.getByText(msg(L, "workbench.transfer.incoming", { name: winner.account.name }));
  await expect(offer).toBeVisible();
  await offer.click();
  await carol.page.getByRole("button", { name: msg(L, "workbench.transfer.accept") }).click();
  const cw = workbench(carol.page, L);
  await expect(cw.reply).toBeVisible();
  await expect(cw.header).toContainText(msg(L, "workbench.handledBy", { name: carol.account.name }));
  await expect(w.log.getByText(`已为您转接客服【${carol.account.name}】`, { exact: false })).toBeVisible();

  // 6. Carol hands back to the bot; the bot answers the known question again
  await carol.page.getByRole("button", { name: msg(L, "workbench.release.button") }).click();
  await carol.page
    .getByRole("dialog")
    .getByRole("button", { name: msg(L, "workbench.release.confirm") })
    .click();
  await expect(w.log.getByText("已为您转回智能助手")).toBeVisible();
  await w.composer.fill(REFUND_Q);
  await w.send.click();
  await expect(w.log.getByText(REFUND_A)).toHaveCount(2);

  // 7. Carol closes with a rating request; the customer rates 5 stars in the widget
  // (toasts have "close" buttons too: this is the one that opens the dialog)
  await carol.page
    .getByRole("button", { name: msg(L, "workbench.close.button"), exact: true })
    .and(carol.page.locator('[aria-haspopup="dialog"]'))
    .click();
  const closeDialog = carol.page.getByRole("dialog");
  await expect(closeDialog.getByRole("switch", { name: msg(L, "workbench.close.askRating") })).toBeChecked();
  await closeDialog.getByRole("button", { name: msg(L, "workbench.close.confirm") }).click();
  await expect(cw.header).toContainText(msg(L, "workbench.status.CLOSED"));

  const stars = w.panel.getByRole("radiogroup");
  await expect(stars).toBeVisible();
  await stars.getByRole("radio", { name: S.rateStar.replace("{n}", "5") }).click();
  await w.panel.getByRole("button", { name: S.rateSubmit }).click();
  await expect(w.panel.getByText(S.rateThanks)).toBeVisible();
  await customer.screenshot({ path: "test-results/screenshots/handoff-widget-rated.png" });

  // the agent's screen shows the rating without a reload
  await expect(cw.header).toContainText(msg(L, "workbench.satisfaction", { score: 5 }));
  await carol.page.screenshot({ path: "test-results/screenshots/handoff-workbench-rated.png" });
  for (const m of [alice, bob, carol])
    expect(await m.page.evaluate(() => "__notReloaded" in window)).toBe(true);

  await customerCtx.close();
  for (const m of [team.owner, ...team.members]) await m.context.close();
});
