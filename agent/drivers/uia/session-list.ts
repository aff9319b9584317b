import type { TSelectorProfile } from "./profiles";
import { WECHAT_TEXT } from "./profiles";
import { findAll, findFirst, walk, type TUiNode } from "./ui-tree";

export type TSessionEntry = { name: string; unread: number; runtimeId: string };

/** The chats in the left-hand session list with their unread counts (0 when no badge). */
export function readSessions(tree: TUiNode, profile: TSelectorProfile): TSessionEntry[] {
  const list = findFirst(tree, profile.sessionList);
  if (!list) return [];
  return findAll(list, profile.sessionItem, 1)
    .filter((item) => item !== list)
    .map((item) => ({ name: sessionName(item), unread: unreadCount(item), runtimeId: item.runtimeId }))
    .filter((entry) => entry.name.length > 0);
}

/** Prefer the first Text child (the chat name); the item's own Name also carries badge and preview. */
function sessionName(item: TUiNode): string {
  const label = item.children.find((c) => c.controlType === "Text" && c.name.trim().length > 0);
  const raw = label?.name ?? item.name.split("\n")[0];
  return raw.replace(WECHAT_TEXT.unreadBadge, "").trim();
}

function unreadCount(item: TUiNode): number {
  for (const { node } of walk(item)) {
    const badge = WECHAT_TEXT.unreadBadge.exec(node.name);
    if (badge) return Number(badge[1]);
  }
  return 0;
}
