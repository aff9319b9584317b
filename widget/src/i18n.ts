import type { TLocale } from "./types";

// Every string the widget shows, in both languages. The e2e tests import this table too, so copy
// edits do not break them.

export const STRINGS = {
  "zh-CN": {
    openChat: "打开在线客服",
    closeChat: "关闭聊天窗口",
    unread: "{n} 条新消息",
    online: "通常几分钟内回复",
    withAgent: "客服【{name}】为您服务",
    waitingHuman: "正在为您转接人工客服…",
    ticket: "客服暂时不在线，已为您留言，我们会尽快回复",
    closed: "本次会话已结束，发送消息即可开始新的会话",
    inputLabel: "输入消息",
    placeholder: "请输入您的问题…",
    send: "发送",
    handoff: "转人工",
    handoffFailed: "暂时无法转接人工客服，请稍后再试",
    sending: "发送中",
    failed: "发送失败",
    retry: "重试",
    loading: "正在加载聊天记录…",
    loadFailed: "聊天记录加载失败",
    reconnecting: "连接已断开，正在重新连接…",
    typing: "对方正在输入",
    you: "我",
    bot: "智能客服",
    agent: "客服",
    rateTitle: "请为本次服务评分",
    rateStar: "{n} 星",
    ratePlaceholder: "还有什么想告诉我们的吗？（选填）",
    rateComment: "评价内容",
    rateSubmit: "提交评价",
    rateThanks: "感谢您的评价！",
    rateFailed: "评价提交失败，请重试",
    tooLong: "消息太长了（最多 {n} 字）",
    rateLimited: "发送太频繁，请稍后再试",
  },
  en: {
    openChat: "Open chat",
    closeChat: "Close chat",
    unread: "{n} new messages",
    online: "We usually reply in a few minutes",
    withAgent: "You are chatting with {name}",
    waitingHuman: "Connecting you to a human agent…",
    ticket: "No agent is online right now. We have your message and will reply soon.",
    closed: "This conversation has ended. Send a message to start a new one.",
    inputLabel: "Message",
    placeholder: "Type your question…",
    send: "Send",
    handoff: "Talk to a human",
    handoffFailed: "Could not reach a human right now, please try again",
    sending: "Sending",
    failed: "Not sent",
    retry: "Retry",
    loading: "Loading the conversation…",
    loadFailed: "Could not load the conversation",
    reconnecting: "Connection lost, reconnecting…",
    typing: "Typing",
    you: "You",
    bot: "Assistant",
    agent: "Agent",
    rateTitle: "How did we do?",
    rateStar: "{n} star(s)",
    ratePlaceholder: "Anything else you want to tell us? (optional)",
    rateComment: "Comment",
    rateSubmit: "Send rating",
    rateThanks: "Thank you for your rating!",
    rateFailed: "Could not send the rating, please try again",
    tooLong: "The message is too long (at most {n} characters)",
    rateLimited: "Too many messages, please wait a moment",
  },
} as const;

export type TStringKey = keyof (typeof STRINGS)["en"];
export type TTranslate = (key: TStringKey, values?: Record<string, string | number>) => string;

/** data-locale, else the tenant's language, else the browser's; anything Chinese is zh-CN. */
export function pickLocale(...candidates: (string | null | undefined)[]): TLocale {
  for (const c of candidates) {
    if (!c) continue;
    if (/^zh/i.test(c)) return "zh-CN";
    if (/^en/i.test(c)) return "en";
  }
  return "zh-CN";
}

export function translator(locale: TLocale): TTranslate {
  const table = STRINGS[locale];
  return (key, values = {}) => table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
