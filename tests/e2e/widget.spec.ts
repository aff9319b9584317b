import type http from "node:http";
import { expect, test, type Browser, type Page, type WebSocketRoute } from "@playwright/test";
import { addQa, createTeam, trpcCall, type TTeam } from "./team";
import { clickOpenAndMeasure, KEFU, SHOP, SHOTS, startShop, W, widgetOf } from "./widget-host";

// The embeddable chat widget, as a shop uses it: the script tag on a page of another origin with
// hostile CSS, the bot answering live, reloads, XSS, the window.Kefu API, a human joining and
// closing with a rating (the agent side driven through the workbench procedures), the phone layout,
// the iframe URL and the allowed-origins list.

test.describe.configure({ mode: "serial" });

const TITLE = { "zh-CN": "在线客服", en: "Chat with us" } as const;
const REFUND_Q = "退款多久到账？";
const REFUND_A = "退款审核通过后，款项将原路退回：微信、支付宝 1-3 个工作日，银行卡 3-7 个工作日。";
const SHIPPING_Q = "运费怎么算？";
const SHIPPING_A = "单笔订单满 99 元包邮，不满 99 元收取 8 元运费。";
const XSS = [`<img src=x onerror="window.__xss=1">`, `<script>window.__xss=2</script>`];

let team: TTeam;
let shop: http.Server;

test.beforeAll(async ({ browser, baseURL }) => {
  team = await createTeam(browser, baseURL!, "zh-CN", []);
  await addQa(team.owner.page, team.tenantId, REFUND_Q, REFUND_A);
  await addQa(team.owner.page, team.tenantId, SHIPPING_Q, SHIPPING_A);
  shop = await startShop(() => team.slug);
});

test.afterAll(async () => {
  if (shop) {
    shop.closeAllConnections();
    await new Promise((resolve) => shop.close(resolve));
  }
  await team?.owner.context.close();
});

async function shopContext(browser: Browser, phone = false) {
  return browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1280, height: 800 } },
  );
}

/** Page errors and "[kefu]" warnings of the shop page: the widget must never break it. */
function watchPage(page: Page) {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on(
    "console",
    (m) => m.type() === "warning" && m.text().startsWith("[kefu]") && warnings.push(m.text()),
  );
  return { errors, warnings };
}

type TKefuWindow = { Kefu: Record<string, (...a: unknown[]) => unknown> };

const setWidget = (patch: Record<string, unknown>) =>
  trpcCall(team.owner.page, "widgetSettings.update", { tenantId: team.tenantId, ...patch });

test("script tag on another origin: bubble, bot answer, XSS as text, isolated styles, reload", async ({
  browser,
}) => {
  const context = await shopContext(browser);
  const page = await context.newPage();
  const watched = watchPage(page);
  await page.goto(`${SHOP}/`);
  const w = widgetOf(page, "zh-CN", TITLE["zh-CN"]);

  // the shop's own CSS hides every <button> and paints text red and huge — not ours
  await expect(w.launcher).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shopOk?: boolean }).__shopOk)).toBe(true);
  const paintMs = await clickOpenAndMeasure(page, W["zh-CN"].openChat);
  console.log(`[widget] first paint of the panel after the click: ${paintMs.toFixed(1)} ms`);
  // the target (< 300 ms) is shown by `npm run bench:widget`; tests do not assert timings
  expect(paintMs).toBeGreaterThan(0);
  await expect(w.panel).toBeVisible();
  await expect(w.panel.getByText("您好！有什么可以帮您？")).toBeVisible();
  await expect(w.composer).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/zh-desktop-widget-open.png` });

  // a known question: the bot answers (and its answer is de-duplicated: response + live event)
  await w.composer.fill(REFUND_Q);
  await w.composer.press("Enter");
  await expect(w.log.getByText(REFUND_A)).toHaveCount(1);
  await expect(w.log.getByText(REFUND_Q, { exact: true })).toHaveCount(1);

  // customer text with markup is shown as text: no element, no script run
  for (const text of XSS) {
    await w.composer.fill(text);
    await w.send.click();
    await expect(w.log.getByText(text, { exact: true })).toBeVisible();
  }
  await page.waitForTimeout(500); // an onerror would have fired by now
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(w.panel.locator("img, script")).toHaveCount(0);

  // isolation: our text keeps its own size and colour under `* { … !important }`
  const bubble = w.log.getByText(REFUND_Q, { exact: true });
  const style = await bubble.evaluate((el) => {
    const s = getComputedStyle(el);
    return { fontSize: s.fontSize, color: s.color, border: s.borderTopStyle };
  });
  expect(style.fontSize).not.toBe("40px");
  expect(style.color).not.toBe("rgb(255, 0, 0)");
  expect(style.border).toBe("none");
  await page.screenshot({ path: `${SHOTS}/zh-desktop-widget-chat.png` });

  // a reload keeps the visitor, the open panel and the history
  await page.reload();
  await expect(w.panel).toBeVisible();
  await expect(w.log.getByText(REFUND_A)).toHaveCount(1);
  await expect(w.log.getByText(XSS[0], { exact: true })).toBeVisible();

  // closing with Escape returns focus to the launcher; the choice survives a reload too
  await w.composer.press("Escape");
  await expect(w.panel).toBeHidden();
  await expect(w.launcher).toBeFocused();
  await page.reload();
  await expect(w.launcher).toBeVisible();
  await expect(w.panel).toBeHidden();
  expect(watched.errors).toEqual([]);
  expect(watched.warnings).toEqual([]);
  await context.close();
});

test("window.Kefu: queued calls, events, sendMessage, setUser; a human joins, replies, closes, is rated", async ({
  browser,
}) => {
  const context = await shopContext(browser);
  const page = await context.newPage();
  const watched = watchPage(page);
  // the stub queued on("ready") and open() before the script loaded
  await page.goto(`${SHOP}/?stub=1`);
  const w = widgetOf(page, "zh-CN", TITLE["zh-CN"]);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __kefuReady?: boolean }).__kefuReady))
    .toBe(true);
  await expect(w.panel).toBeVisible();

  await page.evaluate(() => {
    const w = window as unknown as {
      __events: [string, unknown, number][];
      Kefu: Record<string, (...a: unknown[]) => unknown>;
    };
    w.__events = [];
    for (const e of ["open", "close", "message", "status", "human_joined"])
      w.Kefu.on(e, (p: unknown) => w.__events.push([e, p, Date.now()]));
    // a bad call is refused with a warning, never an exception
    w.Kefu.on("message", "not a function");
    w.Kefu.close();
  });
  await expect(w.panel).toBeHidden();
  await page.evaluate(() => {
    const k = (window as unknown as TKefuWindow).Kefu;
    k.open();
    k.setUser({ id: "u-42", name: "张三", email: "zhang@example.com", phone: "13800000000" });
    k.sendMessage("运费怎么算？");
  });
  await expect(w.panel).toBeVisible();
  await expect(w.log.getByText(SHIPPING_A)).toBeVisible();
  type TEvent = [
    string,
    { role?: string; content?: string; status?: string; conversationId?: string; agentName?: string },
    number,
  ];
  const events = () => page.evaluate(() => (window as unknown as { __events: TEvent[] }).__events);
  await expect
    .poll(async () => (await events()).map(([e, p]) => `${e}:${p?.role ?? p?.status ?? ""}`))
    .toEqual(["close:", "open:", "message:CUSTOMER", "message:BOT", "status:BOT"]);
  const conversationId = (await events()).find(([e]) => e === "status")![1].conversationId!;
  expect(watched.warnings.some((t) => t.includes("cb is not a function"))).toBe(true);

  // setUser reached the contact the agents see
  const customer = await trpcCall<{ contact: { name: string; email: string; phone: string } }>(
    team.owner.page,
    "workbench.customer",
    { tenantId: team.tenantId, conversationId },
    "GET",
  );
  expect(customer.contact).toMatchObject({ name: "张三", email: "zhang@example.com", phone: "13800000000" });

  // "talk to a human": waiting (or a ticket after hours), with the server's system line
  await w.handoff.click();
  await expect(
    w.panel
      .getByRole("status")
      .filter({ hasText: new RegExp(`${W["zh-CN"].waitingHuman}|${W["zh-CN"].ticket}`) }),
  ).toBeVisible();
  await expect(w.handoff).toBeHidden();

  // the agent takes over: the stored system line (once), the agent's name in the header, human_joined
  const agent = team.owner.account.name;
  await trpcCall(team.owner.page, "workbench.takeOver", { tenantId: team.tenantId, conversationId });
  await expect(w.log.getByText(`【${agent}】`)).toHaveCount(1);
  await expect(w.panel.getByText(W["zh-CN"].withAgent.replace("{name}", agent))).toBeVisible();
  await expect
    .poll(async () => (await events()).filter(([e]) => e === "human_joined").map(([, p]) => p.agentName))
    .toEqual([agent]);

  // typing dots, then the agent's reply arrives live — markup from agents is text as well
  await trpcCall(team.owner.page, "workbench.typing", { tenantId: team.tenantId, conversationId, on: true });
  await expect(w.log.getByRole("status").filter({ hasText: W["zh-CN"].typing })).toBeVisible();
  const reply = "您好，请问您的订单号是多少？<b>加急</b>";
  const sentAt = Date.now();
  await trpcCall(team.owner.page, "workbench.reply", {
    tenantId: team.tenantId,
    conversationId,
    text: reply,
  });
  await expect(w.log.getByText(reply, { exact: true })).toBeVisible();
  await expect(w.log.getByRole("status").filter({ hasText: W["zh-CN"].typing })).toBeHidden();
  const arrived = (await events()).find(([e, p]) => e === "message" && p.content === reply)![2];
  console.log(`[widget] agent reply → widget event: ${arrived - sentAt} ms (includes the tRPC call)`);
  await w.composer.fill("订单号 20240618001");
  await w.composer.press("Enter");
  await expect(w.log.getByText("订单号 20240618001")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/zh-desktop-widget-human.png` });

  // with the panel closed, an agent's message raises the unread count on the launcher
  await page.evaluate(() => (window as unknown as TKefuWindow).Kefu.close());
  await trpcCall(team.owner.page, "workbench.reply", {
    tenantId: team.tenantId,
    conversationId,
    text: "还在吗？",
  });
  const unread = `${W["zh-CN"].openChat} · ${W["zh-CN"].unread.replace("{n}", "1")}`;
  await expect(page.getByRole("button", { name: unread })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/zh-desktop-widget-unread.png` });
  await page.getByRole("button", { name: unread }).click();
  await expect(w.log.getByText("还在吗？")).toBeVisible();
  await expect(page.getByRole("button", { name: unread })).toHaveCount(0);

  // the agent closes and asks for a rating: five stars (arrow keys), a comment, a thank-you line
  await trpcCall(team.owner.page, "workbench.close", {
    tenantId: team.tenantId,
    conversationId,
    outcome: "RESOLVED",
    requestSatisfaction: true,
  });
  const stars = w.panel.getByRole("radiogroup", { name: W["zh-CN"].rateTitle });
  await expect(stars).toBeVisible();
  await stars.getByRole("radio", { name: W["zh-CN"].rateStar.replace("{n}", "1") }).click();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(stars.getByRole("radio", { checked: true })).toHaveAccessibleName(
    W["zh-CN"].rateStar.replace("{n}", "5"),
  );
  await w.panel.getByRole("textbox", { name: W["zh-CN"].rateComment }).fill("很快就解决了");
  await page.screenshot({ path: `${SHOTS}/zh-desktop-widget-rating.png` });
  await w.panel.getByRole("button", { name: W["zh-CN"].rateSubmit }).click();
  await expect(w.panel.getByText(W["zh-CN"].rateThanks)).toBeVisible();
  const detail = await trpcCall<{
    conversation?: { satisfaction?: number | null };
    satisfaction?: number | null;
  }>(team.owner.page, "workbench.conversation", { tenantId: team.tenantId, conversationId }, "GET");
  expect(JSON.stringify(detail)).toContain('"satisfaction":5');

  // after a reload nothing asks for the rating again
  await page.reload();
  await expect(w.panel).toBeVisible();
  await expect(stars).toHaveCount(0);
  expect(watched.errors).toEqual([]);
  await context.close();
});

test("a dropped connection: reconnecting banner, then the missed events by catch-up", async ({ browser }) => {
  const context = await shopContext(browser);
  const page = await context.newPage();
  // the widget's socket runs through Playwright so the test can cut it and keep it down
  let down = false;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/widget\/ws/, (ws) => {
    if (down) return void ws.close({ code: 1013, reason: "down" });
    ws.connectToServer();
    sockets.push(ws);
  });
  await page.goto(`${SHOP}/`);
  const w = widgetOf(page, "zh-CN", TITLE["zh-CN"]);
  await page.evaluate(() => {
    const k = (window as unknown as TKefuWindow).Kefu;
    const remember = (p: unknown) =>
      ((window as unknown as { __conv: string }).__conv = (p as { conversationId: string }).conversationId);
    k.on("status", remember);
  });
  await w.launcher.click();
  await w.composer.fill(SHIPPING_Q);
  await w.composer.press("Enter");
  await expect(w.log.getByText(SHIPPING_A)).toBeVisible();
  const conversationId = await page.evaluate(() => (window as unknown as { __conv: string }).__conv);
  await expect.poll(() => sockets.length).toBeGreaterThan(0);

  down = true;
  for (const ws of sockets) await ws.close({ code: 1012, reason: "restart" });
  await expect(w.panel.getByRole("status").filter({ hasText: W["zh-CN"].reconnecting })).toBeVisible();
  // while it is down, an agent takes over and writes
  await trpcCall(team.owner.page, "workbench.takeOver", { tenantId: team.tenantId, conversationId });
  await trpcCall(team.owner.page, "workbench.reply", {
    tenantId: team.tenantId,
    conversationId,
    text: "刚才断线了吗？",
  });
  await page.waitForTimeout(500);
  await expect(w.log.getByText("刚才断线了吗？")).toHaveCount(0);

  down = false; // the next retry (backoff) gets through, and the widget re-reads its session
  await expect(w.log.getByText("刚才断线了吗？")).toBeVisible({ timeout: 20_000 });
  await expect(w.log.getByText(`【${team.owner.account.name}】`)).toHaveCount(1);
  await expect(
    w.panel.getByText(W["zh-CN"].withAgent.replace("{name}", team.owner.account.name)),
  ).toBeVisible();
  await expect(w.panel.getByRole("status").filter({ hasText: W["zh-CN"].reconnecting })).toHaveCount(0);
  await trpcCall(team.owner.page, "workbench.close", {
    tenantId: team.tenantId,
    conversationId,
    outcome: "RESOLVED",
    requestSatisfaction: false,
  });
  await expect(w.panel.getByText(W["zh-CN"].closed)).toBeVisible();
  await context.close();
});

test("phone: the panel is full screen; English from data-locale", async ({ browser }) => {
  for (const locale of ["en", "zh-CN"] as const) {
    const context = await shopContext(browser, true);
    const page = await context.newPage();
    await page.goto(`${SHOP}/?locale=${locale}`);
    const w = widgetOf(page, locale, TITLE[locale]);
    await w.launcher.tap();
    await expect(w.panel).toBeVisible();
    await w.panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished))); // the slide-in
    const box = (await w.panel.boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await expect(w.launcher).toBeHidden(); // the panel's own close button takes over
    await w.composer.fill(SHIPPING_Q);
    await w.send.tap();
    await expect(w.log.getByText(SHIPPING_A)).toBeVisible();
    await expect(w.handoff).toHaveText(W[locale].handoff);
    await page.screenshot({ path: `${SHOTS}/${locale === "en" ? "en" : "zh"}-phone-widget-chat.png` });
    await w.close.tap();
    await expect(w.panel).toBeHidden();
    await expect(w.launcher).toBeVisible();
    await context.close();
  }
});

test("a strict shop: a CSP without inline styles, a page without a declared charset", async ({ browser }) => {
  const context = await shopContext(browser);
  const page = await context.newPage();
  const watched = watchPage(page);
  await page.goto(`${SHOP}/?strict=1`);
  const w = widgetOf(page, "zh-CN", TITLE["zh-CN"]);
  // a constructed stylesheet is not an inline style: the colour and layout still apply
  expect(await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(37, 99, 235)");
  await w.launcher.click();
  expect(await w.panel.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
  await w.composer.fill(REFUND_Q);
  await w.composer.press("Enter");
  await expect(w.log.getByText(REFUND_A)).toBeVisible();
  expect(watched.errors).toEqual([]);
  await context.close();
});

test("tenant settings: colour, position and dark theme; the iframe URL", async ({ browser }) => {
  await setWidget({ color: "#f59e0b", position: "left", theme: "dark" });
  const context = await shopContext(browser);
  const page = await context.newPage();
  await page.goto(`${SHOP}/`);
  const w = widgetOf(page, "zh-CN", TITLE["zh-CN"]);
  const launcherBox = (await w.launcher.boundingBox())!;
  expect(launcherBox.x).toBeLessThan(100); // bottom-left
  // a light colour gets dark text (contrast), the panel is dark
  expect(await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(245, 158, 11)");
  expect(await w.launcher.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(17, 24, 39)");
  await w.launcher.click();
  expect(await w.log.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(24, 25, 28)");
  await w.composer.fill(REFUND_Q);
  await w.composer.press("Enter");
  await expect(w.log.getByText(REFUND_A)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dark-desktop-widget-chat.png` });
  await setWidget({ color: "#2563eb", position: "right", theme: "auto" });

  // the iframe URL: the same chat, inline and open, inside a frame on the shop's origin
  await page.goto(`${SHOP}/frame?locale=en`);
  const frame = page.frameLocator("iframe[title=chat]");
  const f = widgetOf(frame, "en", TITLE.en);
  await expect(f.panel).toBeVisible();
  await expect(f.launcher).toHaveCount(0);
  await expect(f.close).toBeHidden();
  await f.composer.fill(SHIPPING_Q);
  await f.composer.press("Enter");
  await expect(f.log.getByText(SHIPPING_A)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/en-desktop-widget-iframe.png` });
  await context.close();
});

test("allowed origins: a shop not on the list gets no widget (and no frame); a listed one does", async ({
  browser,
}) => {
  await setWidget({ allowedOrigins: ["https://shop.example.com"] });
  try {
    const context = await shopContext(browser);
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(`${SHOP}/`);
    // the 403 carries no CORS headers, so the browser hides it; the warning names the likely cause
    await expect
      .poll(() => watched.warnings.join("\n"))
      .toContain(`${SHOP} is not in the widget's allowed origins`);
    await expect(page.locator("kefu-widget")).toHaveCount(0);
    // the shop itself is unharmed
    expect(await page.evaluate(() => (window as unknown as { __shopOk?: boolean }).__shopOk)).toBe(true);
    await expect(page.locator("#count")).toHaveText("1");
    expect(watched.errors).toEqual([]);

    // the iframe page refuses to be framed here (frame-ancestors)
    await page.goto(`${SHOP}/frame`);
    // (Chromium replaces a frame refused by frame-ancestors with its error page)
    const childUrl = () =>
      page
        .frames()
        .find((f) => f !== page.mainFrame())
        ?.url();
    await expect.poll(childUrl).toMatch(/^chrome-error:/);
    const frame = page.frameLocator("iframe[title=chat]");

    // listing the shop's exact origin lets it in
    await setWidget({ allowedOrigins: ["https://shop.example.com", SHOP] });
    await page.goto(`${SHOP}/`);
    await expect(widgetOf(page, "zh-CN", TITLE["zh-CN"]).launcher).toBeVisible();
    await page.goto(`${SHOP}/frame`);
    await expect(widgetOf(frame, "zh-CN", TITLE["zh-CN"]).panel).toBeVisible();
    expect(KEFU).not.toBe(SHOP);
    await context.close();
  } finally {
    await setWidget({ allowedOrigins: [] });
  }
});
