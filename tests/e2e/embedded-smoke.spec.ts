import { expect, test } from "@playwright/test";
import { msg, newAccount, signUp, watchIntlErrors } from "./helpers";

// Server B runs with no configuration at all (embedded PGlite, generated secrets, default zh-CN).
test("zero-config server: / → login → sign up → overview", async ({ page }) => {
  const missing = watchIntlErrors(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: msg("zh-CN", "auth.login.title") })).toBeVisible();

  await page.getByRole("link", { name: msg("zh-CN", "auth.login.createAccount") }).click();
  await expect(page).toHaveURL(/\/signup$/);
  const path = await signUp(page, "zh-CN", newAccount("Smoke"));

  await expect(
    page.getByRole("heading", { name: msg("zh-CN", "overview.gettingStarted.title") }),
  ).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  expect(missing).toEqual([]);
});
