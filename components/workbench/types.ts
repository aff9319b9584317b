import type { TConversationDetail, TInboxItem } from "@/server/services/workbench/workbench-schemas";

// The workbench UI's view of the API contract (server/services/workbench/workbench-schemas.ts); types
// only, so no server code reaches the browser bundle.
export type {
  TAgentItem,
  TConversationDetail,
  TConversationEventItem,
  TCounts,
  TCustomerPanel,
  TEvidence,
  TInboxItem,
  TInboxView,
  TMe,
  TPendingTransfer,
  TPresence,
  TWorkbenchMessage,
} from "@/server/services/workbench/workbench-schemas";
export type { TLiveEvent, TLiveMessage } from "@/server/realtime/live-events";

export type TConversation = TConversationDetail["conversation"];
export type TStatus = TConversation["status"];
export type TChannel = TConversation["channel"];
export type TLevel = TInboxItem["contact"]["level"];
export type TSla = TInboxItem["sla"];

export const INBOX_VIEWS = ["waiting", "mine", "all", "closed", "tickets"] as const;
export const INBOX_CHANNELS = ["WECHAT", "WIDGET", "API"] as const;
export const PRESENCES = ["ONLINE", "BUSY", "AWAY", "OFFLINE"] as const;
export const OUTCOMES = ["RESOLVED", "UNRESOLVED", "SPAM", "DUPLICATE", "OTHER"] as const;
