import type { TKefuEventName, TUser } from "./types";
import { guard, warn } from "./util";
import { Widget } from "./widget";

// Entry of /widget.js: finds its own <script> tag, reads data-tenant / data-mode / data-locale,
// derives the Kefu origin from the script's src, and puts the real `window.Kefu` in place of the
// queueing stub a page may have defined before the script loaded:
//
//   window.Kefu = window.Kefu || { q: [] };
//   Kefu.q.push(["on", "ready", function () { Kefu.open(); }]);
//
// Nothing here may throw into the host page.

type TQueued = [string, ...unknown[]];
type TKefu = {
  open(): void;
  close(): void;
  sendMessage(text: string): void;
  setUser(user: TUser): void;
  on(event: TKefuEventName, cb: (payload: unknown) => void): (() => void) | undefined;
  version: string;
  q?: TQueued[];
};

declare global {
  interface Window {
    Kefu?: Partial<TKefu> & { q?: TQueued[]; version?: string };
  }
}

const VERSION = "1";

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.tenant) return current;
  // currentScript is null when a loader injected us from a callback; the tag is still in the page
  const tags = document.querySelectorAll<HTMLScriptElement>("script[data-tenant][src]");
  for (const tag of Array.from(tags)) if (/\/widget\.js(\?|#|$)/.test(tag.src)) return tag;
  return null;
}

function boot(): void {
  if (window.Kefu?.version) return warn("widget.js is included twice; the second copy is ignored");
  const script = ownScript();
  const tenant = script?.dataset.tenant?.trim();
  if (!script || !tenant) return warn('no <script src=".../widget.js" data-tenant="…"> found');
  const widget = new Widget({
    origin: new URL(script.src, location.href).origin,
    tenant,
    inline: script.dataset.mode === "inline",
    locale: script.dataset.locale,
  });
  const api: TKefu = {
    open: guard(() => widget.whenReady(() => widget.open(true))),
    close: guard(() => widget.whenReady(() => widget.close(true))),
    sendMessage: guard((text: string) => widget.whenReady(() => void widget.send(String(text ?? "")))),
    setUser: guard((user: TUser) => void widget.setUser(user)),
    on: guard((event: TKefuEventName, cb: (payload: unknown) => void) => {
      if (typeof cb !== "function") throw new TypeError(`Kefu.on("${event}", cb): cb is not a function`);
      return widget.events.on(event, cb);
    }),
    version: VERSION,
  };
  const queued = window.Kefu?.q ?? [];
  window.Kefu = api;
  for (const [method, ...args] of queued) {
    const fn = (api as unknown as Record<string, unknown>)[method];
    if (typeof fn === "function") guard(fn as (...a: unknown[]) => unknown)(...args);
    else warn(`unknown queued call Kefu.${method}`);
  }
  void widget.start().catch(warn);
}

guard(boot)();
