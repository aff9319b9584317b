import { Prisma } from "../../db/generated/prisma/client";
import type { TOverviewInput } from "./overview-schemas";
import type { TRange } from "./overview-range";
import { instant, type TWindow } from "./rollup-sql";

// Pieces shared by the overview queries: the roll-up rows of the final hours UNION ALL the same
// aggregate computed live from source rows for the open hours, and the bucket an hour belongs to.

export type TChannel = TOverviewInput["channel"];

export const channelFilter = (channel: TChannel, column = "channel") =>
  channel ? Prisma.sql`AND ${Prisma.raw(column)} = ${channel}::"Channel"` : Prisma.empty;

/** rolled-up hours [start, liveFrom) and live hours [liveFrom, end) */
export function rolledAndLive(
  tenantId: string,
  range: TRange,
  table: string,
  columns: string,
  aggregate: (w: TWindow) => Prisma.Sql,
  channel: TChannel,
): Prisma.Sql {
  const rolledEnd = new Date(Math.min(range.end.getTime(), range.liveFrom.getTime()));
  const liveStart = new Date(Math.max(range.start.getTime(), range.liveFrom.getTime()));
  const cols = Prisma.raw(columns);
  const live =
    liveStart < range.end
      ? Prisma.sql`UNION ALL SELECT ${cols} FROM (${aggregate({ tenantId, from: liveStart, to: range.end })}) a
          WHERE true ${channelFilter(channel)}`
      : Prisma.empty;
  return Prisma.sql`
    SELECT ${cols} FROM ${Prisma.raw(`"${table}"`)}
    WHERE "tenantId" = ${tenantId} AND hour >= ${instant(range.start)} AND hour < ${instant(rolledEnd)}
      ${channelFilter(channel)}
    ${live}`;
}

/** the series bucket of an hour: itself, or the start of its local day */
export function bucketOf(range: TRange): Prisma.Sql {
  return range.granularity === "hour"
    ? Prisma.sql`hour`
    : Prisma.sql`(date_trunc('day', hour AT TIME ZONE ${range.timezone}) AT TIME ZONE ${range.timezone})`;
}
