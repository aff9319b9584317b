import { expect, test, type Page } from "@playwright/test";
import { CHARGER_ROWS, NO_ANSWER_ROW, NO_QUESTION_ROW, VALID, writeFaqXlsx } from "./faq-fixture";
import { msg, newAccount, setLocale, signUp, watchIntlErrors } from "./helpers";

const L = "zh-CN" as const;

/** The (desktop) table row of a question. */
const rowOf = (page: Page, question: string) =>
  page.getByRole("row").filter({ hasText: question }).filter({ visible: true });

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("knowledge base: import an FAQ spreadsheet, search, hit test, edit, disable, delete", async ({
  browser,
  baseURL,
}, testInfo) => {
  const xlsx = testInfo.outputPath("faq.xlsx");
  await writeFaqXlsx(xlsx);

  const context = await browser.newContext({ baseURL });
  await setLocale(context, baseURL!, L);
  const page = await context.newPage();
  const missing = watchIntlErrors(page);
  const tenantPath = await signUp(page, L, newAccount("Kb"));

  // 1. the sidebar leads to an empty knowledge base that invites creating or importing
  await page
    .getByRole("navigation", { name: msg(L, "nav.label") })
    .getByRole("link", { name: msg(L, "nav.knowledge") })
    .click();
  await expect(page).toHaveURL(`${tenantPath}/knowledge`);
  await expect(page.getByRole("heading", { name: msg(L, "knowledge.title"), level: 1 })).toBeVisible();
  await expect(page.getByText(msg(L, "knowledge.empty"))).toBeVisible();
  await expect(page.getByRole("button", { name: msg(L, "knowledge.create") })).toHaveCount(2); // header + empty state

  // 2. import: wrong type, too large and a file without the columns are refused with a reason
  await page
    .getByRole("button", { name: msg(L, "knowledge.import.trigger"), exact: true })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: msg(L, "knowledge.import.title") })).toBeVisible();
  const fileInput = dialog.getByLabel(msg(L, "knowledge.import.fileLabel"));
  await fileInput.setInputFiles({ name: "faq.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(dialog.getByText(msg(L, "knowledge.import.errors.wrongType"))).toBeVisible();
  await fileInput.setInputFiles({
    name: "huge.csv",
    mimeType: "text/csv",
    buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a"),
  });
  await expect(dialog.getByText(msg(L, "knowledge.import.errors.tooLarge"))).toBeVisible();
  await fileInput.setInputFiles({
    name: "contacts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,email\nAlice,alice@example.com\n"),
  });
  await expect(dialog.getByText(msg(L, "knowledge.import.errors.noColumns"))).toBeVisible();

  // 3. the real FAQ: a preview with counts, sample rows and the two rejected rows with their reasons
  await fileInput.setInputFiles(xlsx);
  await expect(dialog.getByText("faq.xlsx")).toBeVisible();
  await expect(dialog.getByText(msg(L, "knowledge.import.errors.noColumns"))).toHaveCount(0);
  const rejected = dialog.locator("section").filter({ hasText: msg(L, "knowledge.import.rejectedTitle") });
  await expect(rejected.getByRole("listitem")).toHaveCount(2);
  await expect(rejected.getByRole("listitem").nth(0)).toContainText(
    msg(L, "knowledge.import.row", { row: NO_ANSWER_ROW }),
  );
  await expect(rejected.getByRole("listitem").nth(0)).toContainText(
    msg(L, "knowledge.import.reasons.answerEmpty"),
  );
  await expect(rejected.getByRole("listitem").nth(1)).toContainText(
    msg(L, "knowledge.import.row", { row: NO_QUESTION_ROW }),
  );
  await expect(rejected.getByRole("listitem").nth(1)).toContainText(
    msg(L, "knowledge.import.reasons.questionEmpty"),
  );
  await expect(dialog.getByRole("cell", { name: "退款多久到账？" })).toBeVisible();
  const stats = dialog.locator("dl > div");
  await expect(stats.nth(0)).toContainText(String(VALID + 2));
  await expect(stats.nth(1)).toContainText(String(VALID));
  await expect(stats.nth(2)).toContainText("2");

  // 4. import → toast with the counts, the list shows the pairs (20 per page, then "load more")
  await dialog.getByRole("button", { name: msg(L, "knowledge.import.submit", { count: VALID }) }).click();
  await expect(
    toast(page, msg(L, "knowledge.import.doneRejected", { created: VALID, updated: 0, rejected: 2 })),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(msg(L, "knowledge.count", { total: VALID }))).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(20);
  await page.getByRole("button", { name: msg(L, "knowledge.loadMore") }).click();
  await expect(page.locator("tbody tr")).toHaveCount(VALID);
  await expect(page.getByRole("button", { name: msg(L, "knowledge.loadMore") })).toHaveCount(0);
  await expect(rowOf(page, "退款多久到账？")).toContainText(msg(L, "knowledge.sources.IMPORT"));
  // the answer keeps its line breaks
  const refundAnswer = rowOf(page, "退款多久到账？").locator("p").nth(1);
  expect(await refundAnswer.evaluate((el) => (el as HTMLElement).innerText)).toContain("\n");

  // 5. search is done on the server, in questions and answers
  const searchBox = page.getByLabel(msg(L, "knowledge.searchLabel"));
  await searchBox.fill("充电桩");
  await expect(page.getByText(msg(L, "knowledge.count", { total: CHARGER_ROWS }))).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(CHARGER_ROWS);
  await expect(rowOf(page, "充一次电要多久？")).toBeVisible(); // "充电桩" only in its answer
  await expect(rowOf(page, "退款多久到账？")).toHaveCount(0);
  await searchBox.fill("");
  await expect(page.getByText(msg(L, "knowledge.count", { total: VALID }))).toBeVisible();

  // 6. hit test: a paraphrase finds the right answer first
  await page.getByRole("link", { name: msg(L, "knowledge.hitTest") }).click();
  await expect(page.getByRole("heading", { name: msg(L, "knowledge.hit.title"), level: 1 })).toBeVisible();
  await expect(page.getByText(msg(L, "knowledge.hit.idle"))).toBeVisible();
  await page.getByLabel(msg(L, "knowledge.hit.question")).fill("钱啥时候能退回来");
  await page.getByRole("button", { name: msg(L, "knowledge.hit.submit") }).click();
  const hits = page.locator("ol > li");
  await expect(hits.first()).toContainText("退款多久到账？");
  await expect(hits.first()).toContainText(msg(L, "knowledge.hit.rank", { rank: 1 }));
  await expect(hits.first()).toContainText(msg(L, "knowledge.hit.score"));
  await expect(page.getByText(`${msg(L, "knowledge.hit.terms")}:`)).toBeVisible();
  // the exact question is answered directly (Enter submits)
  await page.getByLabel(msg(L, "knowledge.hit.question")).fill("充电桩保修多久？");
  await page.getByLabel(msg(L, "knowledge.hit.question")).press("Enter");
  await expect(hits.first()).toContainText("充电桩主机保修 3 年");
  await expect(hits.first().getByText(msg(L, "knowledge.hit.direct"))).toBeVisible();

  // 7. back in the list (first page only, so each pair is found by searching): edit one pair
  await page.getByRole("link", { name: msg(L, "knowledge.hit.back") }).click();
  await searchBox.fill("运费");
  await expect(rowOf(page, "运费怎么算？")).toBeVisible();
  await page
    .getByRole("button", { name: msg(L, "knowledge.editFor", { question: "运费怎么算？" }) })
    .filter({ visible: true })
    .click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByLabel(msg(L, "knowledge.form.question"))).toHaveValue("运费怎么算？");
  await edit.getByLabel(msg(L, "knowledge.form.answer")).fill("");
  await edit.getByRole("button", { name: msg(L, "knowledge.form.submitEdit") }).click();
  await expect(edit.getByText(msg(L, "validation.required"))).toBeVisible(); // field error, nothing sent
  await edit
    .getByLabel(msg(L, "knowledge.form.answer"))
    .fill("单笔订单满 79 元包邮。\n不满 79 元收取 8 元运费。");
  await edit.getByRole("button", { name: msg(L, "knowledge.form.submitEdit") }).click();
  await expect(toast(page, msg(L, "knowledge.form.saved"))).toBeVisible();
  await expect(edit).toHaveCount(0);
  await expect(rowOf(page, "运费怎么算？")).toContainText("满 79 元包邮");

  // 8. disable one: it shows under "disabled" only
  await searchBox.fill("积分");
  const memberSwitch = page
    .getByRole("switch", { name: msg(L, "knowledge.enabledFor", { question: "会员积分怎么用？" }) })
    .filter({ visible: true });
  await expect(memberSwitch).toBeChecked();
  await memberSwitch.click();
  await expect(toast(page, msg(L, "knowledge.enabledOff"))).toBeVisible();
  await expect(memberSwitch).not.toBeChecked();
  await page.getByLabel(msg(L, "knowledge.filterLabel"), { exact: true }).click();
  await page.getByRole("option", { name: msg(L, "knowledge.filter.disabled") }).click();
  await searchBox.fill("");
  await expect(page.getByText(msg(L, "knowledge.count", { total: 1 }))).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(rowOf(page, "会员积分怎么用？")).toBeVisible();
  await page.getByLabel(msg(L, "knowledge.filterLabel"), { exact: true }).click();
  await page.getByRole("option", { name: msg(L, "knowledge.filter.all") }).click();
  await expect(page.getByText(msg(L, "knowledge.count", { total: VALID }))).toBeVisible();

  // 9. delete one after confirming
  await searchBox.fill("优惠券");
  await expect(page.getByText(msg(L, "knowledge.count", { total: 1 }))).toBeVisible();
  await page
    .getByRole("button", { name: msg(L, "knowledge.delete.trigger", { question: "优惠券为什么用不了？" }) })
    .filter({ visible: true })
    .click();
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByRole("heading", { name: msg(L, "knowledge.delete.title") })).toBeVisible();
  await confirm.getByRole("button", { name: msg(L, "knowledge.delete.confirm") }).click();
  await expect(toast(page, msg(L, "knowledge.delete.done"))).toBeVisible();
  await expect(page.getByText(msg(L, "knowledge.emptyFiltered"))).toBeVisible();
  await expect(rowOf(page, "优惠券为什么用不了？")).toHaveCount(0);
  await page.getByRole("button", { name: msg(L, "knowledge.clearFilters") }).click();
  await expect(page.getByText(msg(L, "knowledge.count", { total: VALID - 1 }))).toBeVisible();

  // 10. the disabled pair is not found by the hit test any more
  await page.getByRole("link", { name: msg(L, "knowledge.hitTest") }).click();
  await page.getByLabel(msg(L, "knowledge.hit.question")).fill("会员积分怎么用？");
  await page.getByRole("button", { name: msg(L, "knowledge.hit.submit") }).click();
  await expect(hits.first()).toBeVisible();
  await expect(page.locator("ol")).not.toContainText("每消费 1 元积 1 分");

  expect(missing).toEqual([]);
  await context.close();
});
