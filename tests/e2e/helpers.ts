import fs from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";

// Labels come from the app's own message files, so copy edits do not break the tests.
type TMessages = Record<string, unknown>;
const load = (locale: string): TMessages =>
  JSON.parse(fs.readFileSync(path.join(__dirname, `../../server/i18n/messages/${locale}.json`), "utf8"));
export const MESSAGES = { en: load("en"), "zh-CN": load("zh-CN") };
export type TLocale = keyof typeof MESSAGES;

/** A message by dotted key, with simple {placeholders} and `{n, plural, one {…} other {…}}` filled in. */
export function msg(locale: TLocale, key: string, values: Record<string, string | number> = {}): string {
  const text = key.split(".").reduce<unknown>((o, k) => (o as TMessages)?.[k], MESSAGES[locale]);
  if (typeof text !== "string") throw new Error(`no message ${locale}:${key}`);
  return plurals(text, values).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

// English plurals only need one/other (and =N); the branch's # becomes the number.
function plurals(text: string, values: Record<string, string | number>): string {
  const start = /\{(\w+), plural,/.exec(text);
  if (!start) return text;
  let depth = 0;
  let end = start.index;
  for (; end < text.length; end++) {
    if (text[end] === "{") depth++;
    else if (text[end] === "}" && --depth === 0) break;
  }
  const n = Number(values[start[1]]);
  const branches = new Map<string, string>();
  for (const m of text.slice(start.index + start[0].length, end).matchAll(/\s*(=?\w+)\s*\{([^{}]*)\}/g)) {
    branches.set(m[1], m[2]);
  }
  const branch =
    branches.get(`=${n}`) ?? (n === 1 ? branches.get("one") : undefined) ?? branches.get("other") ?? "";
  return plurals(text.slice(0, start.index) + branch.replace(/#/g, String(n)) + text.slice(end + 1), values);
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function setLocale(context: BrowserContext, baseURL: string, locale: TLocale) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

export type TAccount = { name: string; email: string; password: string; company: string };

export function newAccount(label: string): TAccount {
  const s = uniqueSuffix();
  return {
    name: `${label} ${s.slice(-4)}`,
    email: `${label.toLowerCase()}-${s}@example.com`,
    password: `pw-${s}-secret`,
    company: `Acme ${s}`,
  };
}

export async function fillSignup(page: Page, locale: TLocale, a: TAccount) {
  // the submit button is enabled once the form has hydrated; typing before that would be lost
  await expect(page.getByRole("button", { name: msg(locale, "auth.signup.submit") })).toBeEnabled();
  await page.getByLabel(msg(locale, "auth.name")).fill(a.name);
  await page.getByLabel(msg(locale, "auth.workEmail")).fill(a.email);
  await page.getByLabel(msg(locale, "auth.password"), { exact: true }).fill(a.password);
  await page.getByLabel(msg(locale, "auth.company")).fill(a.company);
}

/** Signs up through the page and waits for the new tenant's overview; returns its path. */
export async function signUp(page: Page, locale: TLocale, a: TAccount): Promise<string> {
  await page.goto("/signup");
  await fillSignup(page, locale, a);
  await page.getByRole("button", { name: msg(locale, "auth.signup.submit") }).click();
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/, { timeout: 30_000 });
  await expect(
    page.getByRole("heading", { name: msg(locale, "overview.welcomeNamed", { name: a.name }) }),
  ).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Collects next-intl errors logged in the browser (missing messages, bad formats, no `now` for relative times). */
export function watchIntlErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      /MISSING_MESSAGE|INSUFFICIENT_PATH|ENVIRONMENT_FALLBACK|FORMATTING_ERROR|INVALID_MESSAGE|INVALID_KEY/.test(
        m.text(),
      )
    ) {
      errors.push(m.text());
    }
  });
  return errors;
}
