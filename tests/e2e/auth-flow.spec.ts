import { expect, test, type Page } from "@playwright/test";
import { msg, newAccount, setLocale, signUp, watchIntlErrors } from "./helpers";

const L = "en" as const;

/** Calls a tRPC procedure from the page, with the page's session cookie. */
async function trpc(page: Page, path: string, input: unknown, method: "GET" | "POST") {
  return page.evaluate(
    async ({ path, input, method }) => {
      const body = JSON.stringify({ json: input });
      const res =
        method === "GET"
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(body)}`)
          : await fetch(`/api/trpc/${path}`, {
              method,
              headers: { "content-type": "application/json" },
              body,
            });
      return { status: res.status, body: await res.json() };
    },
    { path, input, method },
  );
}

test("owner invites an agent; roles are enforced; audit and lockout work", async ({ browser, baseURL }) => {
  const owner = newAccount("Owner");
  const agent = newAccount("Agent");

  // 1. a new owner signs up and lands on the new tenant's overview
  const ownerCtx = await browser.newContext({ baseURL });
  await setLocale(ownerCtx, baseURL!, L);
  await ownerCtx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const op = await ownerCtx.newPage();
  const missing = watchIntlErrors(op);
  const tenantPath = await signUp(op, L, owner);

  // 2. invites a colleague as AGENT and copies the link
  await op.getByRole("link", { name: msg(L, "nav.members") }).click();
  await expect(op.getByRole("heading", { name: msg(L, "members.title"), level: 1 })).toBeVisible();
  await op.getByRole("button", { name: msg(L, "members.invite.trigger") }).click();
  const dialog = op.getByRole("dialog");
  await dialog.getByLabel(msg(L, "members.invite.email")).fill(agent.email);
  await expect(dialog.getByLabel(msg(L, "members.invite.role"))).toHaveText(msg(L, "roles.AGENT"));
  await dialog.getByRole("button", { name: msg(L, "members.invite.submit") }).click();
  await expect(dialog.getByText(msg(L, "members.invite.noEmailTitle"))).toBeVisible();
  const link = await dialog.getByLabel(msg(L, "members.invite.link")).inputValue();
  expect(link).toMatch(/\/invite\/inv_/);
  await dialog.getByRole("button", { name: msg(L, "common.copy") }).click();
  await expect(dialog.getByRole("button", { name: msg(L, "common.copied") })).toBeVisible();
  expect(await op.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole("button", { name: msg(L, "common.done") }).click();
  await expect(op.getByText(agent.email).filter({ visible: true })).toBeVisible(); // pending invitations

  // 3. the colleague opens the link in another browser, creates the account and lands in the tenant
  const agentCtx = await browser.newContext({ baseURL });
  await setLocale(agentCtx, baseURL!, L);
  const ap = await agentCtx.newPage();
  await ap.goto(link);
  await expect(
    ap.getByRole("heading", { name: msg(L, "invite.title", { tenant: owner.company }) }),
  ).toBeVisible();
  await ap.getByLabel(msg(L, "auth.name")).fill(agent.name);
  await ap.getByLabel(msg(L, "invite.choosePassword")).fill(agent.password);
  await ap.getByRole("button", { name: msg(L, "invite.createAndJoin") }).click();
  await expect(ap).toHaveURL(new RegExp(`${tenantPath}$`), { timeout: 30_000 });
  await expect(
    ap.getByRole("heading", { name: msg(L, "overview.welcomeNamed", { name: agent.name }) }),
  ).toBeVisible();

  // 4. an agent sees no Settings or Audit log and no member management
  const nav = ap.getByRole("navigation", { name: msg(L, "nav.label") });
  await expect(nav.getByRole("link", { name: msg(L, "nav.members") })).toBeVisible();
  await expect(nav.getByRole("link", { name: msg(L, "nav.settings") })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: msg(L, "nav.audit") })).toHaveCount(0);
  await nav.getByRole("link", { name: msg(L, "nav.members") }).click();
  await expect(ap.getByText(owner.email).filter({ visible: true })).toBeVisible();
  await expect(ap.getByRole("button", { name: msg(L, "members.invite.trigger") })).toHaveCount(0);
  await expect(ap.getByRole("combobox")).toHaveCount(0);
  await expect(
    ap.getByRole("button", { name: msg(L, "members.remove.trigger", { name: owner.name }) }),
  ).toHaveCount(0);

  // ...and the server refuses a hand-made call all the same
  const me = await trpc(ap, "account.me", undefined, "GET");
  const tenantId: string = me.body.result.data.json.tenants[0].id;
  const list = await trpc(ap, "members.list", { tenantId }, "GET");
  const ownerRow = list.body.result.data.json.find((m: { email: string }) => m.email === owner.email);
  const denied = await trpc(
    ap,
    "members.changeRole",
    { tenantId, membershipId: ownerRow.id, role: "VIEWER" },
    "POST",
  );
  expect(denied.status).toBe(403);
  expect(denied.body.error.json.data.code).toBe("FORBIDDEN");

  // 5. the owner sees the agent in members and the acceptance in the audit log
  await op.reload();
  await expect(op.getByRole("table").getByText(agent.email)).toBeVisible();
  await expect(
    op.getByRole("combobox", { name: msg(L, "members.roleFor", { name: agent.name }) }),
  ).toHaveText(msg(L, "roles.AGENT"));
  await op.getByRole("link", { name: msg(L, "nav.audit") }).click();
  await expect(op.getByRole("cell", { name: msg(L, "audit.actions.invitation.accepted") })).toBeVisible();
  await expect(op.getByRole("cell", { name: agent.email }).first()).toBeVisible();
  expect(missing).toEqual([]);

  // 6. lockout: five wrong passwords lock the account; then even the right one is refused
  const thirdCtx = await browser.newContext({ baseURL });
  await setLocale(thirdCtx, baseURL!, L);
  const tp = await thirdCtx.newPage();
  await tp.goto("/login");
  const submit = tp.getByRole("button", { name: msg(L, "auth.login.submit") });
  await expect(submit).toBeEnabled(); // hydrated
  await tp.getByLabel(msg(L, "auth.email")).fill(agent.email);
  const password = tp.getByLabel(msg(L, "auth.password"), { exact: true });
  for (let i = 1; i <= 5; i++) {
    await password.fill(`wrong-password-${i}`);
    const answered = tp.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await submit.click();
    await answered;
    await expect(submit).toBeEnabled();
  }
  await password.fill(agent.password);
  const answered = tp.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await submit.click();
  await answered;
  await expect(tp.getByText("the account is locked for 15 minutes")).toBeVisible();
  await expect(tp).toHaveURL(/\/login/);

  await Promise.all([ownerCtx.close(), agentCtx.close(), thirdCtx.close()]);
});
