import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOut = inferRouterOutputs<AppRouter>["erp"];
export type TErpConnection = TOut["list"][number];
export type TSyncRun = TOut["runs"]["items"][number];
export type TTestResult = TOut["test"];
export type TErpKind = TErpConnection["kind"];
export type TSchedule = TErpConnection["schedule"];
export const KINDS: TErpKind[] = ["ZHIBANG", "GENERIC_REST"];
export const SCHEDULES: TSchedule[] = ["off", "hourly", "daily"];
