import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { msg, type TLocale } from "./helpers";
import { addQa, trpcCall } from "./team";

// Seeding for the workbench specs, through the running app only: an always-open working-hours rule
// (a request for a human must wait in the queue, not become an after-hours ticket), no per-customer
// rate limit, one FAQ pair the bot answers, an API key, and customer messages through the REST channel.

export const REFUND_Q = "退款多久到账？";
export const REFUND_A = "退款审核通过后，1-3 个工作日原路退回。";
const ALL_DAY = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ["00:00-24:00"]]),
);

/** Prepares a tenant for handoffs (as its owner) and returns an API key for the customer's side. */
export async function prepareSupport(
  owner: Page,
  tenantId: string,
  opts: { qa?: boolean } = {},
): Promise<string> {
  await trpcCall(owner, "rules.create", {
    tenantId,
    type: "WORKING_HOURS",
    name: "全天",
    config: { timezone: "Asia/Shanghai", schedule: ALL_DAY },
  });
  // a test customer types faster than the default per-customer limit (1 message / 3 s) allows
  await trpcCall(owner, "rules.create", {
    tenantId,
    type: "RATE_LIMIT",
    name: "e2e",
    config: { perChat: null, perContact: null },
  });
  if (opts.qa !== false) await addQa(owner, tenantId, REFUND_Q, REFUND_A);
  const { key } = await trpcCall<{ key: string }>(owner, "apiKeys.create", { tenantId, name: "e2e" });
  return key;
}

export type TAnswer = { action: string; content: string; confidence: number; conversationId: string };

/** A customer's message through POST /api/v1/messages. */
export async function customerSays(
  request: APIRequestContext,
  apiKey: string,
  contact: { id: string; name: string },
  text: string,
): Promise<TAnswer> {
  const res = await request.post("/api/v1/messages", {
    headers: { authorization: `Bearer ${apiKey}` },
    data: { contact, text },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as TAnswer;
}

export type TRestConversation = { status: string; messages: { role: string; content: string }[] };

/** What the customer's own system sees: GET /api/v1/conversations/:id. */
export async function restConversation(
  request: APIRequestContext,
  apiKey: string,
  conversationId: string,
): Promise<TRestConversation> {
  const res = await request.get(`/api/v1/conversations/${conversationId}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as TRestConversation;
}

/** Locators of the workbench screen, by the app's own labels. */
export function workbench(page: Page, L: TLocale) {
  const list = page.getByRole("region", { name: msg(L, "workbench.listLabel") });
  return {
    list,
    row: (text: string) => list.getByRole("link").filter({ hasText: text }),
    tab: (view: string) =>
      page.getByRole("tab", { name: new RegExp(`^${msg(L, `workbench.views.${view}`)}`) }),
    history: page.getByRole("list", { name: msg(L, "workbench.historyLabel") }),
    header: page.locator("header").filter({ has: page.locator("#conversation-title") }),
    live: page.locator("[data-live-state]"),
    takeOver: page.getByRole("button", { name: msg(L, "workbench.takeOver.button") }),
    reply: page.getByRole("textbox", { name: msg(L, "workbench.composer.replyLabel") }),
    note: page.getByRole("textbox", { name: msg(L, "workbench.composer.noteLabel") }),
    dialog: page.getByRole("dialog"),
  };
}

/** Opens the inbox and waits until the live socket is up (events before that would be missed). */
export async function openInbox(page: Page, slug: string, L: TLocale) {
  await page.goto(`/t/${slug}/inbox`);
  await expect(page.getByRole("heading", { name: msg(L, "workbench.title"), level: 1 })).toBeVisible();
  // the live indicator says "live" (during a re-render the frame may briefly hold a second, still
  // connecting copy of the header: any live one means the socket is up)
  await expect(page.locator('[data-live-state="live"]').first()).toBeVisible();
}

/**
 * Starts watching the open conversation's history for `text`; the returned function gives the page's
 * clock (Date.now()) at the DOM mutation that showed it. A MutationObserver rather than polling on
 * every animation frame: rAF polling makes the browser render frames continuously, which on a 2-core
 * machine with software compositing takes CPU from the server being measured.
 */
export async function watchHistoryFor(
  page: Page,
  label: string,
  text: string,
): Promise<() => Promise<number>> {
  const key = `__kefuShown_${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ([t, l, k]) => {
      const has = () => document.querySelector(`ol[aria-label="${l}"]`)?.textContent?.includes(t) ?? false;
      (window as unknown as Record<string, Promise<number>>)[k] = new Promise<number>((resolve, reject) => {
        if (has()) return resolve(Date.now());
        const observer = new MutationObserver(() => {
          if (!has()) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${t}" was not shown within 10 s`));
        }, 10_000);
      });
    },
    [text, label, key] as const,
  );
  return () => page.evaluate((k) => (window as unknown as Record<string, Promise<number>>)[k], key);
}
