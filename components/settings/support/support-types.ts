import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOutputs = inferRouterOutputs<AppRouter>;
export type TSupportSettings = TOutputs["supportSettings"]["get"];
export type TSla = TSupportSettings["sla"];
export type TCannedReply = TOutputs["cannedReplies"]["list"][number];

// Mirrors the server's limits (server/services/canned-replies, support-settings) so the forms can
// explain a problem before sending; the server still checks everything.
export const SLA_BANDS = ["urgent", "high", "normal", "low"] as const;
export type TSlaBand = (typeof SLA_BANDS)[number];
export const SLA_MAX_MINUTES = 7 * 24 * 60;
export const SHORTCUT_MAX = 32;
export const CONTENT_MAX = 2000;
export const SHORTCUT_RE = /^[\p{L}\p{N}_-]+$/u;
