import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOut = inferRouterOutputs<AppRouter>["customers"];
export type TCustomerSummary = TOut["list"]["items"][number];
export type TCustomerDetail = TOut["get"];
export type TCustomerLevel = TCustomerSummary["level"];
export type TCustomerState = TCustomerSummary["state"];

export const LEVELS = ["WHITE", "GRAY", "BLACK"] as const satisfies readonly TCustomerLevel[];
export const STATES = [
  "NEW",
  "POTENTIAL",
  "DEAL",
  "REPURCHASE",
  "CHURNED",
] as const satisfies readonly TCustomerState[];
