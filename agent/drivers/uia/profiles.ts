import type { TNodeMatch } from "./ui-tree";

/**
 * Where things are in one WeChat generation's UI tree. Kept as data so a WeChat update that renames a
 * class is fixed by editing a profile, not parsing code. Sources: docs in the note on Windows agent
 * (wxauto for 3.9, wxauto4/pyweixin for 4.x); none of it was verified on a real PC from this repository.
 */
export type TSelectorProfile = {
  id: "wx39" | "wx4";
  processNames: string[];
  mainWindowClasses: string[];
  loginWindowClasses: string[];
  sessionList: TNodeMatch;
  sessionItem: TNodeMatch;
  messageList: TNodeMatch;
  messageItem: TNodeMatch;
  /** A selector, or "first-text-after-session-list" where the title has no identifying attributes. */
  chatTitle: TNodeMatch | "first-text-after-session-list";
  /** The message box; in 3.9 its Name is the open chat's name, so "$chat" is replaced by that name. */
  input: TNodeMatch;
  /** How a message's side is decided: the avatar button (3.9) or the helper's pixel probe (4.x). */
  sideBy: "avatar" | "direction";
  /** A Qt window exposing at most this many descendants is hiding its tree (4.x without a screen reader). */
  hiddenTreeMaxDescendants: number;
};

export const WX39: TSelectorProfile = {
  id: "wx39",
  processNames: ["WeChat"],
  mainWindowClasses: ["WeChatMainWndForPC"],
  loginWindowClasses: ["WeChatLoginWndForPC"],
  sessionList: { controlType: "List", name: "会话" },
  sessionItem: { controlType: "ListItem" },
  messageList: { controlType: "List", name: "消息" },
  messageItem: { controlType: "ListItem" },
  // The chat box header's first named Text is the title (group titles end in "(N)").
  chatTitle: "first-text-after-session-list",
  input: { controlType: "Edit", name: "$chat" },
  sideBy: "avatar",
  hiddenTreeMaxDescendants: 0,
};

export const WX4: TSelectorProfile = {
  id: "wx4",
  processNames: ["Weixin", "WeChatAppEx"],
  mainWindowClasses: ["Qt51514QWindowIcon", "mmui::MainWindow"],
  loginWindowClasses: ["mmui::LoginWindow"],
  sessionList: { controlType: "List", name: "会话" },
  sessionItem: { controlType: "ListItem", className: "mmui::ChatSessionCell" },
  messageList: { controlType: "List", name: "消息" },
  messageItem: { controlType: "ListItem" },
  chatTitle: { controlType: "Text", automationIdEndsWith: "current_chat_name_label" },
  input: { controlType: "Edit", automationId: "chat_input_field" },
  sideBy: "direction",
  hiddenTreeMaxDescendants: 1,
};

export const PROFILES = [WX39, WX4] as const;

/** Texts WeChat uses inside lists; shared by both generations (zh-CN UI). */
export const WECHAT_TEXT = {
  unreadBadge: /(\d+)\s*条(?:新消息|未读)/,
  newMessagesMarker: "以下为新消息",
  groupMemberCount: /\s*[(（](\d+)[)）]\s*$/,
  mediaPlaceholder: /^\[(图片|文件|语音|视频|动画表情|链接|位置|名片|聊天记录|小程序)\]/,
  pat: /拍了拍/,
  recalled: /撤回了一条消息/,
  selfBubbleClassHint: "ChatBubble",
} as const;
