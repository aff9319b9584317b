import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors } from "./helpers";

const L = "zh-CN" as const;

// A manual built here: three sections long enough (about 200 tokens each, the chunk budget is 350)
// that each becomes its own chunk.
const section = (heading: string, sentence: string) => `## ${heading}\n${sentence.repeat(5)}\n`;
const MANUAL = [
  "# 凯丰 KF-9 用户手册\n",
  section(
    "安装条件",
    "家用充电桩安装需要固定车位、物业同意，以及可以报装的独立电表，电缆长度一般不超过三十米。",
  ),
  section(
    "常见故障",
    "指示灯红灯常亮表示漏电保护动作，请先断电再重新合闸；面板显示过热代码时请保持通风散热。",
  ),
  section("保修政策", "主机保修三年，线缆保修一年，人为损坏、私自拆机和进水导致的故障不在免费保修范围之内。"),
].join("\n");
const EDITED = "安装前请致电 quokkabox 服务热线预约上门勘测，勘测免费，工程师会带好电表报装资料。";
const SHOTS = "test-results/docs-shots";

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
/** The desktop table row of a document. */
const rowOf = (page: Page, title: string) =>
  page.getByRole("row").filter({ hasText: title }).filter({ visible: true });

test("documents: upload, refuse bad files, wait for ready, edit a chunk, find the edit", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await setLocale(context, baseURL!, L);
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const tenantPath = await signUp(page, L, newAccount("Docs"));

  // 1. the knowledge base's tabs lead to an empty documents page
  await page.goto(`${tenantPath}/knowledge`);
  const tabs = page.getByRole("navigation", { name: msg(L, "knowledge.tabs.label") });
  await tabs.getByRole("link", { name: msg(L, "knowledge.tabs.documents") }).click();
  await expect(page).toHaveURL(`${tenantPath}/knowledge/documents`);
  await expect(page.getByRole("heading", { name: msg(L, "knowledge.docs.title"), level: 1 })).toBeVisible();
  await expect(page.getByText(msg(L, "knowledge.docs.empty"))).toBeVisible();
  await expect(tabs.getByRole("link", { name: msg(L, "knowledge.tabs.documents") })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // 2. an empty file and a wrong type are refused with a clear reason, before anything is sent
  const fileInput = page.getByLabel(msg(L, "knowledge.docs.upload.fileLabel"));
  const problems = page.getByTestId("upload-problems");
  await fileInput.setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await expect(problems).toContainText("empty.txt");
  await expect(problems).toContainText(msg(L, "knowledge.docs.upload.empty"));
  await fileInput.setInputFiles({
    name: "setup.exe",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("MZ binary"),
  });
  await expect(problems).toContainText(msg(L, "knowledge.docs.upload.badType"));
  await expect(page.getByText(msg(L, "knowledge.docs.empty"))).toBeVisible(); // nothing was uploaded
  await page.screenshot({ path: `${SHOTS}/empty-refused-desktop.png`, fullPage: true });

  // 3. a file whose content does not match its extension is accepted, then fails with the reason (in
  // the page's language: the server's English sentence is translated, document-failure.ts)
  await fileInput.setInputFiles({
    name: "notes.md",
    mimeType: "text/markdown",
    buffer: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0xff]),
  });
  await expect(rowOf(page, "notes")).toContainText(msg(L, "knowledge.docs.status.FAILED"), {
    timeout: 30_000,
  });
  await expect(rowOf(page, "notes")).toContainText(
    msg(L, "knowledge.docs.failure.mismatch", { a: "md", b: "" }),
  );
  const uploaded = toast(page, msg(L, "knowledge.docs.upload.done", { count: 1 }));
  await expect(uploaded).toHaveCount(0); // this upload's toast is gone (4 s) before the next one

  // 4. the manual: uploaded, processed in the background (the list polls) until ready
  await fileInput.setInputFiles({
    name: "kf9-manual.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(MANUAL),
  });
  await expect(uploaded).toBeVisible();
  await expect(problems).toHaveCount(0);
  const title = "凯丰 KF-9 用户手册"; // the parser takes the document's first heading as its title
  const row = rowOf(page, title);
  await expect(row).toContainText(msg(L, "knowledge.docs.status.READY"), { timeout: 60_000 });
  await expect(row).toContainText("Markdown");
  await expect(page.getByText(msg(L, "knowledge.docs.count", { total: 2 }))).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS}/documents-desktop.png`, fullPage: true });

  // 5. open it: the chunks in order, with headings and token counts
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${tenantPath}/knowledge/documents/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const chunks = page
    .getByRole("list", { name: msg(L, "knowledge.docs.chunks.label") })
    .getByRole("listitem");
  await expect(chunks.first()).toBeVisible();
  await expect(chunks).toHaveCount(3);
  await expect(chunks.first()).toContainText("#1");
  await expect(page.getByText("指示灯红灯常亮")).toBeVisible();
  const target = chunks.filter({ hasText: "独立电表" }).first();
  await expect(target).toContainText(/\d+ 个词元/);

  // 6. edit that chunk: empty text is refused, real text is saved and re-indexed
  await target.getByRole("button", { name: /编辑片段/ }).click();
  const dialog = page.getByRole("dialog");
  const content = dialog.getByLabel(msg(L, "knowledge.docs.chunks.edit.content"));
  await content.fill("   ");
  await dialog.getByRole("button", { name: msg(L, "knowledge.docs.chunks.edit.submit") }).click();
  await expect(dialog.getByText(msg(L, "validation.required"))).toBeVisible();
  await content.fill(EDITED);
  await dialog.getByRole("button", { name: msg(L, "knowledge.docs.chunks.edit.submit") }).click();
  await expect(toast(page, msg(L, "knowledge.docs.chunks.edit.saved"))).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(EDITED)).toBeVisible();
  await expect(chunks).toHaveCount(3); // the other chunks are untouched
  await expect(chunks.filter({ hasText: EDITED })).toContainText("#1");
  await expect(chunks.filter({ hasText: "指示灯红灯常亮" })).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS}/chunks-desktop.png`, fullPage: true });

  // 7. the hit test finds the edited chunk by a word that only the edit has
  await tabs.getByRole("link", { name: msg(L, "knowledge.tabs.hitTest") }).click();
  await expect(page.getByRole("heading", { name: msg(L, "knowledge.hit.title"), level: 1 })).toBeVisible();
  await page.getByLabel(msg(L, "knowledge.hit.question")).fill("quokkabox 热线");
  await page.getByRole("button", { name: msg(L, "knowledge.hit.submit") }).click();
  const hits = page.locator("ol > li");
  await expect(hits.first()).toContainText("quokkabox");

  // 8. the same pages on a 375 px phone
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState: await context.storageState(),
  });
  const mobile = await phone.newPage();
  const mobileMissing = watchIntlErrors(mobile);
  await mobile.goto(`${tenantPath}/knowledge/documents`);
  const card = mobile.getByRole("listitem").filter({ hasText: title }).filter({ visible: true });
  await expect(card).toContainText(msg(L, "knowledge.docs.status.READY"));
  await mobile.waitForLoadState("networkidle");
  await mobile.screenshot({ path: `${SHOTS}/documents-phone.png`, fullPage: true });
  await card.getByRole("link", { name: title }).click();
  await expect(mobile.getByText(EDITED)).toBeVisible();
  await mobile.waitForLoadState("networkidle");
  await mobile.screenshot({ path: `${SHOTS}/chunks-phone.png`, fullPage: true });
  const noHorizontalScroll = await mobile.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth + 1,
  );
  expect(noHorizontalScroll).toBe(true);

  expect(missing).toEqual([]);
  expect(mobileMissing).toEqual([]);
  await phone.close();
  await context.close();
});
