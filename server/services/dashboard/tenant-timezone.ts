import { db } from "../../db/client";
import { notFound } from "../../errors";

// Day boundaries follow the tenant's time zone. A name Intl cannot resolve (hand-edited data) falls
// back to UTC rather than failing the dashboard; PostgreSQL and Intl share the IANA names.

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function tenantTimezone(tenantId: string): Promise<string> {
  const client = await db();
  const t = await client.tenant.findUnique({ where: { id: tenantId }, select: { timezone: true } });
  if (!t) throw notFound("Tenant");
  return isTimeZone(t.timezone) ? t.timezone : "UTC";
}

/** the calendar day (YYYY-MM-DD) of an instant in a time zone */
export function localDay(d: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(d)
    .slice(0, 10);
}

/** a YYYY-MM-DD day shifted by n days (calendar arithmetic, no time zone involved) */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
