import type { TWechatStatus } from "../driver";
import { PROFILES, type TSelectorProfile } from "./profiles";
import { countDescendants, findFirst, walk, type TSnapshot, type TTopWindow } from "./ui-tree";

export type TStateReading = TWechatStatus & { profile?: TSelectorProfile };

export const GUIDANCE = {
  screen_locked:
    "Windows is locked. UI automation cannot see or type into a locked desktop: keep this PC's session unlocked (disable the lock screen for this account; connect with VNC rather than RDP, which locks the console when you disconnect).",
  not_running: "WeChat is not running. Start WeChat on this PC and log in.",
  logged_out: "WeChat is waiting for login. Scan the QR code with the phone to log in.",
  ui_hidden_window:
    "WeChat's window is minimised or closed to the tray. Open it from the tray icon and leave it open (it may stay behind other windows).",
  ui_hidden_tree:
    "WeChat 4.x is hiding its accessibility tree. Turn on Narrator (Win+Ctrl+Enter) before logging in to WeChat, keep it on for about 5 minutes after login, then turn it off. Some accounts stay hidden regardless; WeChat 3.9 is the fallback.",
  unrecognised:
    "WeChat's window layout was not recognised (WeChat updated?). Send a `kefu-agent snapshot` to support.",
} as const;

export function pickProfile(
  snapshot: TSnapshot,
  preference: "auto" | "wx39" | "wx4",
): TSelectorProfile | undefined {
  if (preference !== "auto") return PROFILES.find((p) => p.id === preference);
  const process = snapshot.wechat.processName ?? "";
  return PROFILES.find(
    (p) =>
      p.processNames.includes(process) ||
      snapshot.windows.some((w) => [...p.mainWindowClasses, ...p.loginWindowClasses].includes(w.className)),
  );
}

/** Decides whether WeChat can be automated right now, and what the person at the PC should do if not. */
export function readWechatState(
  snapshot: TSnapshot,
  preference: "auto" | "wx39" | "wx4" = "auto",
): TStateReading {
  const version = snapshot.wechat.version;
  if (snapshot.sessionLocked)
    return { state: "screen_locked", guidance: GUIDANCE.screen_locked, wechatVersion: version };
  if (!snapshot.wechat.running) return { state: "not_running", guidance: GUIDANCE.not_running };
  const profile = pickProfile(snapshot, preference);
  if (!profile) return { state: "error", guidance: GUIDANCE.unrecognised, wechatVersion: version };
  const base = { profile, wechatVersion: version };

  const main = findWindow(snapshot.windows, profile.mainWindowClasses);
  const login = findWindow(snapshot.windows, profile.loginWindowClasses);
  if (!main && login?.visible) return { ...base, state: "logged_out", guidance: GUIDANCE.logged_out };
  if (!main || !main.visible || main.minimized) {
    return { ...base, state: "ui_hidden", guidance: GUIDANCE.ui_hidden_window };
  }
  const tree = snapshot.tree;
  if (!tree || countDescendants(tree) <= profile.hiddenTreeMaxDescendants) {
    return { ...base, state: "ui_hidden", guidance: GUIDANCE.ui_hidden_tree };
  }
  if (!findFirst(tree, profile.sessionList)) {
    // WeChat 4.x reuses the Qt window class for its login screen, so look at what the window shows.
    const loginButton = [...walk(tree)].some(
      ({ node }) => node.controlType === "Button" && /登录|进入微信|切换账号/.test(node.name),
    );
    if (loginButton) return { ...base, state: "logged_out", guidance: GUIDANCE.logged_out };
    return { ...base, state: "error", guidance: GUIDANCE.unrecognised };
  }
  return { ...base, state: "ready", selfName: readSelfName(snapshot, profile) };
}

function findWindow(windows: TTopWindow[], classes: string[]): TTopWindow | undefined {
  return windows.find((w) => classes.includes(w.className));
}

/**
 * The logged-in account's nickname: in 3.9 the navigation bar's first button (the avatar) carries it;
 * 4.x exposes no avatar name, so @-me detection there relies on the configured aliases.
 */
function readSelfName(snapshot: TSnapshot, profile: TSelectorProfile): string | undefined {
  if (profile.id !== "wx39" || !snapshot.tree) return undefined;
  const avatar = findFirst(snapshot.tree, { controlType: "Button" });
  return avatar?.name || undefined;
}
