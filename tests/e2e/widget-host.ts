import http from "node:http";
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { STRINGS } from "../../widget/src/i18n";

// The shop that embeds the chat widget in the widget e2e tests: a page on ANOTHER origin
// (127.0.0.1:3391, while Kefu is localhost:3311) with deliberately hostile CSS, so the tests prove
// cross-origin loading, CORS and style isolation the way a real shop uses the script tag.

export const KEFU = "http://localhost:3311";
export const SHOP_PORT = 3391;
export const SHOP = `http://127.0.0.1:${SHOP_PORT}`;
export const SHOTS = "test-results/screenshots";
export const W = STRINGS;

const HOSTILE_CSS = `
  * { font-size: 40px !important; color: red !important; font-family: serif !important; line-height: 3 !important }
  button { display: none !important }
  div, section, form { border: 4px dashed green !important; padding: 24px !important; background: yellow !important }
`;

/** The queueing stub a shop may put before the async script (documented in docs/widget.md). */
const STUB = `window.Kefu = window.Kefu || { q: [] };
Kefu.q.push(["on", "ready", function () { window.__kefuReady = true; }]);
Kefu.q.push(["open"]);`;

/** A shop that allows only Kefu's script and connections, and no inline styles at all. */
const STRICT_CSP = [
  "default-src 'self'",
  `script-src 'unsafe-inline' ${KEFU}`,
  `connect-src ${KEFU} ${KEFU.replace("http", "ws")}`,
  "style-src 'self'",
].join("; ");

function shopPage(slug: string, q: URLSearchParams): string {
  const locale = q.get("locale");
  const tag = `<script src="${KEFU}/widget.js" data-tenant="${slug}"${locale ? ` data-locale="${locale}"` : ""} async></script>`;
  // ?strict: no declared charset (the page decodes as windows-1252) and a CSP without inline styles
  const charset = q.has("strict") ? "" : `<meta charset="utf-8">`;
  return `<!doctype html><html lang="zh-CN"><head>${charset}
<meta name="viewport" content="width=device-width,initial-scale=1"><title>闪充商城</title>
<style>${HOSTILE_CSS}</style></head><body>
<h1>闪充商城 · EV chargers</h1><p>7kW 家用充电桩 ¥2999</p>
<div id="cart">cart: <span id="count">0</span></div>
${q.has("stub") ? `<script>${STUB}</script>` : ""}
${tag}
<script>window.__shopOk = true; document.getElementById("count").textContent = "1";</script>
</body></html>`;
}

function framePage(slug: string, q: URLSearchParams): string {
  const locale = q.get("locale");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Shop with the chat iframe</title>
<style>body{margin:0;font:16px sans-serif;background:#f1f5f9} iframe{position:fixed;right:24px;bottom:24px;width:380px;height:600px;border:1px solid #cbd5e1;border-radius:16px;background:#fff}</style>
</head><body><h1 style="margin:24px">闪充商城</h1>
<iframe title="chat" src="${KEFU}/widget/chat/${slug}${locale ? `?locale=${locale}` : ""}"></iframe></body></html>`;
}

/** Starts the shop's web server; `/` embeds the script tag, `/frame` the iframe URL. */
export async function startShop(slug: () => string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", SHOP);
    const html =
      url.pathname === "/frame" ? framePage(slug(), url.searchParams) : shopPage(slug(), url.searchParams);
    const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8" };
    if (url.searchParams.has("strict")) {
      headers["Content-Type"] = "text/html";
      headers["Content-Security-Policy"] = STRICT_CSP;
    }
    res.writeHead(url.pathname === "/" || url.pathname === "/frame" ? 200 : 404, headers);
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(SHOP_PORT, "127.0.0.1", resolve));
  return server;
}

type TScope = Page | FrameLocator;

/** The widget's parts, found through its (open) shadow root by role and accessible name. */
export function widgetOf(scope: TScope, locale: keyof typeof STRINGS, title: string) {
  const s = STRINGS[locale];
  const panel = scope.getByRole("dialog", { name: title }).or(scope.getByRole("region", { name: title }));
  return {
    launcher: scope.getByRole("button", { name: s.openChat }),
    panel,
    composer: panel.getByRole("textbox", { name: s.inputLabel }),
    send: panel.getByRole("button", { name: s.send }),
    handoff: panel.getByRole("button", { name: s.handoff }),
    close: panel.getByRole("button", { name: s.closeChat }),
    log: panel.getByRole("log"),
  };
}

/**
 * Clicks the launcher and returns the time from the click to the first frame painted with the panel:
 * the click's timestamp, then — once the widget reports `open` — a requestAnimationFrame (runs right
 * before that frame is painted) followed by a task (runs after the paint).
 */
export async function clickOpenAndMeasure(page: Page, launcherName: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __paint?: number;
      __clickAt?: number;
      Kefu: { on: (e: string, cb: () => void) => void };
    };
    delete w.__paint;
    document.querySelector("kefu-widget")!.addEventListener("click", (e) => (w.__clickAt = e.timeStamp), {
      capture: true,
      once: true,
    });
    w.Kefu.on("open", () => requestAnimationFrame(() => setTimeout(() => (w.__paint = performance.now()))));
  });
  await page.getByRole("button", { name: launcherName }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __paint?: number }).__paint))
    .toBeDefined();
  return page.evaluate(() => {
    const w = window as unknown as { __paint: number; __clickAt: number };
    return w.__paint - w.__clickAt;
  });
}
