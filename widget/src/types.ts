import type { TLiveEvent, TLiveStatus } from "../../server/realtime/live-events";

// The widget contract's shapes (docs/widget.md). Types only: importing the server's live-event types
// keeps both sides in step without putting any server code into the bundle.

export type { TLiveEvent };
export type TStatus = TLiveStatus;
export type TLocale = "zh-CN" | "en";
export type TLocalized = { "zh-CN": string; en: string };

export type TWidgetSettings = {
  enabled: boolean;
  color: string;
  position: "right" | "left";
  theme: "light" | "dark" | "auto";
  title: TLocalized;
  welcome: TLocalized;
  handoffButton: boolean;
};

export type TWidgetConfig = {
  tenant: { slug: string; name: string };
  settings: TWidgetSettings;
  language: string | null;
};

export type TWidgetMessage = {
  id: string;
  role: "CUSTOMER" | "BOT" | "AGENT" | "SYSTEM";
  content: string;
  /** ISO time */
  createdAt: string;
  senderName: string | null;
};

export type TConversation = {
  id: string;
  status: TStatus;
  satisfactionRequested: boolean;
  agentName: string | null;
};

export type TSession = {
  visitorId: string;
  token: string;
  conversation: TConversation | null;
  messages: TWidgetMessage[];
};

export type TSendResult = {
  conversationId: string;
  messageId: string;
  reply: TWidgetMessage | null;
  action: string;
  status: TStatus;
};

export type TUser = { id?: string; name?: string; email?: string; phone?: string };

/** A message as the widget holds it: a stored one, or the customer's own on its way. */
export type TViewMessage = TWidgetMessage & {
  /** the customer's own message: its clientId (idempotency key of POST /messages) */
  clientId?: string;
  state: "sent" | "sending" | "failed";
};

/** Events of `window.Kefu.on(event, cb)`. */
export type TKefuEvents = {
  ready: { tenant: string };
  open: undefined;
  close: undefined;
  message: TWidgetMessage;
  status: { status: TStatus; conversationId: string };
  human_joined: { agentName: string | null; conversationId: string };
};
export type TKefuEventName = keyof TKefuEvents;
