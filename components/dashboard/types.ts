import type { TOverview } from "@/server/services/dashboard/overview-schemas";

// The UI reads the router's output type straight from the shared contract.
export type { TOverview };
export type TOverviewTotals = TOverview["totals"];
