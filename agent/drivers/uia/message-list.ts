import type { TSelectorProfile } from "./profiles";
import { WECHAT_TEXT } from "./profiles";
import { centreX, countDescendants, findAll, findFirst, walk, type TUiNode } from "./ui-tree";

export type TMessageKind = "time" | "marker" | "friend" | "self" | "system";

export type TParsedMessage = {
  kind: TMessageKind;
  runtimeId: string;
  text: string;
  /** Friend messages: the avatar's name (3.9) or the group display name shown above the bubble. */
  sender?: string;
  /** The nearest time separator above this item, as displayed. */
  timeLabel?: string;
};

export type TChatView = {
  title: string;
  chatName: string;
  type: "private" | "group";
  messages: TParsedMessage[];
};

/** Reads the open chat: its title, whether it is a group, and every message item in display order. */
export function readChatView(tree: TUiNode, profile: TSelectorProfile): TChatView | undefined {
  const list = findFirst(tree, profile.messageList);
  const title = findChatTitle(tree, profile);
  if (!list || title === undefined) return undefined;
  const group = WECHAT_TEXT.groupMemberCount.test(title);
  const messages: TParsedMessage[] = [];
  let timeLabel: string | undefined;
  for (const item of findAll(list, profile.messageItem, 1)) {
    if (item === list) continue;
    const parsed = classify(item, profile, group);
    if (parsed.kind === "time") timeLabel = parsed.text;
    messages.push({ ...parsed, timeLabel });
  }
  return {
    title,
    chatName: title.replace(WECHAT_TEXT.groupMemberCount, "").trim(),
    type: group ? "group" : "private",
    messages,
  };
}

export function findChatTitle(tree: TUiNode, profile: TSelectorProfile): string | undefined {
  if (profile.chatTitle !== "first-text-after-session-list") return findFirst(tree, profile.chatTitle)?.name;
  const sessionList = findFirst(tree, profile.sessionList);
  let afterSessions = !sessionList;
  for (const { node } of walk(tree)) {
    if (node === sessionList) {
      afterSessions = true;
      continue;
    }
    if (afterSessions && !isInside(node, sessionList) && node.controlType === "Text" && node.name.trim())
      return node.name;
  }
  return undefined;
}

function isInside(node: TUiNode, container: TUiNode | undefined): boolean {
  if (!container) return false;
  for (const { node: n } of walk(container)) if (n === node) return true;
  return false;
}

function classify(
  item: TUiNode,
  profile: TSelectorProfile,
  group: boolean,
): Omit<TParsedMessage, "timeLabel"> {
  const base = { runtimeId: item.runtimeId, text: item.name };
  if (item.name.includes(WECHAT_TEXT.newMessagesMarker)) return { ...base, kind: "marker" };
  const descendants = countDescendants(item);
  if (WECHAT_TEXT.recalled.test(item.name) || WECHAT_TEXT.pat.test(item.name))
    return { ...base, kind: "system" };
  if (profile.sideBy === "avatar") {
    // 3.9: a time separator is an item with exactly one descendant; a chat message has an avatar button.
    if (descendants === 1) return { ...base, kind: "time" };
    const avatar = findAll(item, { controlType: "Button" }, 2).find((b) => b.name.trim());
    if (!avatar) return { ...base, kind: "system" };
    if (centreX(avatar) >= centreX(item)) return { ...base, kind: "self" };
    return { ...base, kind: "friend", sender: (group && displayName(item, item.name)) || avatar.name };
  }
  // 4.x: bubbles are recognised by class; the side comes from the helper's pixel probe, else geometry.
  if (!item.className.includes(WECHAT_TEXT.selfBubbleClassHint)) {
    return { ...base, kind: /\d{1,2}:\d{2}$/.test(item.name.trim()) ? "time" : "system" };
  }
  const side = item.direction ?? sideFromGeometry(item);
  if (side === "right") return { ...base, kind: "self" };
  return { ...base, kind: "friend", sender: group ? displayName(item, item.name) : undefined };
}

/** In groups WeChat shows the sender's group nickname as a Text above the bubble. */
function displayName(item: TUiNode, text: string): string | undefined {
  return findAll(item, { controlType: "Text" }, 4).find((t) => t.name.trim() && t.name !== text)?.name;
}

/** Content narrower than the row sits left (friend) or right (self) of the row's centre. */
function sideFromGeometry(item: TUiNode): "left" | "right" | undefined {
  const content = [...walk(item)]
    .map((w) => w.node)
    .filter((n) => n !== item && n.rect[2] > 0 && n.rect[2] < item.rect[2] * 0.8);
  if (content.length === 0) return undefined;
  const mean = content.reduce((sum, n) => sum + centreX(n), 0) / content.length;
  return mean > centreX(item) ? "right" : "left";
}
