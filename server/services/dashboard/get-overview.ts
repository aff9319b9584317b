import { getActivity } from "./overview-activity";
import { getAgents } from "./overview-agents";
import { getCustomerLevels, getLearned, getLive } from "./overview-misc";
import { resolveRange } from "./overview-range";
import type { TOverview, TOverviewInput } from "./overview-schemas";
import { getUsage } from "./overview-usage";
import { tenantTimezone } from "./tenant-timezone";

// The overview dashboard in one call. Range numbers come from the hourly roll-ups (rollups.ts) plus the
// open hours read live, usage from UsageDaily plus the last two days live, and the "now" numbers
// from current rows; the independent reads run in parallel. See docs/dashboards.md.

export async function getOverview(
  tenantId: string,
  input: TOverviewInput,
  now = new Date(),
): Promise<TOverview> {
  const timezone = await tenantTimezone(tenantId);
  const range = await resolveRange(input, timezone, now);
  const channel = input.channel;
  const [activity, usage, live, customerLevels, learned, agents] = await Promise.all([
    getActivity(tenantId, range, channel),
    getUsage(tenantId, range),
    getLive(tenantId, channel),
    getCustomerLevels(tenantId, channel),
    getLearned(tenantId, range, channel),
    getAgents(tenantId, range, channel),
  ]);
  return {
    range: { from: range.from, to: range.to, granularity: range.granularity, timezone },
    totals: {
      ...activity.totals,
      tokens: usage.tokens,
      costMicros: usage.costMicros,
      learnedItems: learned.learnedItems,
    },
    live,
    messageSeries: activity.messageSeries,
    qualitySeries: activity.qualitySeries,
    usageSeries: usage.usageSeries,
    usageByProvider: usage.usageByProvider,
    customerLevels,
    learnedSeries: learned.learnedSeries,
    agents,
  };
}
