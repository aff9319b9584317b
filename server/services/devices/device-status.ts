import type { WechatState } from "../../db/generated/prisma/enums";

// A device is online while it holds a socket and has sent a heartbeat in the last 90 s
// (docs/agent-protocol.md §5). The heartbeat bound also covers a gateway that died without closing.

export const OFFLINE_AFTER_MS = 90_000;

export function isDeviceOnline(
  d: { lastHeartbeatAt: Date | null; revokedAt: Date | null },
  connected: boolean,
  now: Date,
): boolean {
  if (d.revokedAt || !connected || !d.lastHeartbeatAt) return false;
  return now.getTime() - d.lastHeartbeatAt.getTime() < OFFLINE_AFTER_MS;
}

const WECHAT_STATES: Record<string, WechatState> = {
  ready: "READY",
  not_running: "NOT_RUNNING",
  logged_out: "LOGGED_OUT",
  ui_hidden: "UI_HIDDEN",
  screen_locked: "SCREEN_LOCKED",
  error: "ERROR",
};

export function wechatStateOf(agentState: string): WechatState {
  return WECHAT_STATES[agentState] ?? "UNKNOWN";
}
