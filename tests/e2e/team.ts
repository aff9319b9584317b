import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, type TAccount, type TLocale } from "./helpers";

// A tenant with a team, seeded through the running app: the owner signs up in the browser, members are
// invited through the real invitation procedures and join with their own passwords, and every member
// gets a signed-in browser context of their own.

/** Calls a tRPC procedure from the page, with the page's session cookie; throws on an error answer. */
export async function trpcCall<T = unknown>(
  page: Page,
  path: string,
  input: unknown,
  method: "GET" | "POST" = "POST",
): Promise<T> {
  const res = await page.evaluate(
    async ({ path, input, method }) => {
      const body = JSON.stringify({ json: input });
      const r =
        method === "GET"
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(body)}`)
          : await fetch(`/api/trpc/${path}`, {
              method,
              headers: { "content-type": "application/json" },
              body,
            });
      return { status: r.status, body: (await r.json()) as { result?: { data: { json: unknown } } } };
    },
    { path, input, method },
  );
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.result!.data.json as T;
}

export type TMember = { account: TAccount; context: BrowserContext; page: Page };
export type TTeam = { tenantId: string; slug: string; owner: TMember; members: TMember[] };

async function newContext(browser: Browser, baseURL: string, locale: TLocale, phone = false) {
  // reduced motion, as many agents set it: the decorative animations (typing dots) would otherwise keep
  // these browsers rendering on the 2 cores the server under test runs on
  const context = await browser.newContext({
    baseURL,
    reducedMotion: "reduce",
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  await setLocale(context, baseURL, locale);
  return context;
}

export async function signIn(page: Page, locale: TLocale, a: TAccount) {
  await page.goto("/login");
  // enabled once hydrated: typing before that would be lost
  await expect(page.getByRole("button", { name: msg(locale, "auth.login.submit") })).toBeEnabled();
  await page.getByLabel(msg(locale, "auth.email")).fill(a.email);
  await page.getByLabel(msg(locale, "auth.password"), { exact: true }).fill(a.password);
  await page.getByRole("button", { name: msg(locale, "auth.login.submit") }).click();
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+/, { timeout: 30_000 });
}

/** Signs up an owner and adds members with the given roles, each signed in in its own context. */
export async function createTeam(
  browser: Browser,
  baseURL: string,
  locale: TLocale,
  roles: { label: string; role: "ADMIN" | "AGENT" | "REVIEWER" | "VIEWER" }[],
): Promise<TTeam> {
  const ownerAccount = newAccount("Owner");
  const ownerContext = await newContext(browser, baseURL, locale);
  const ownerPage = await ownerContext.newPage();
  const path = await signUp(ownerPage, locale, ownerAccount);
  const slug = path.split("/")[2];
  const me = await trpcCall<{ tenants: { id: string; slug: string }[] }>(ownerPage, "account.me", {}, "GET");
  const tenantId = me.tenants.find((t) => t.slug === slug)!.id;

  const members: TMember[] = [];
  for (const r of roles) {
    const account = newAccount(r.label);
    const { link } = await trpcCall<{ link: string }>(ownerPage, "invitations.create", {
      tenantId,
      email: account.email,
      role: r.role,
    });
    const context = await newContext(browser, baseURL, locale);
    const page = await context.newPage();
    await page.goto("/login");
    await trpcCall(page, "invitations.acceptAsNewUser", {
      token: link.split("/invite/")[1],
      name: account.name,
      password: account.password,
    });
    await signIn(page, locale, account);
    members.push({ account, context, page });
  }
  return {
    tenantId,
    slug,
    owner: { account: ownerAccount, context: ownerContext, page: ownerPage },
    members,
  };
}

export async function addQa(page: Page, tenantId: string, question: string, answer: string) {
  await trpcCall(page, "knowledge.qa.create", { tenantId, question, answer });
}
