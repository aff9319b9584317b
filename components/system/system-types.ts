import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

// The shapes the system sections render, straight from the procedure's output schema.
export type TSystemOverview = inferRouterOutputs<AppRouter>["system"]["overview"];
export type TSystemDevice = TSystemOverview["devices"][number];
export type TSystemJob = TSystemOverview["jobs"][number];
export type TSystemProvider = TSystemOverview["providers"][number];
export type TErrorCounts = TSystemOverview["errorRates"]["hour"];
