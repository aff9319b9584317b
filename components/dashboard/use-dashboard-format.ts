"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";

// Every figure on the overview goes through Intl with the current locale: counts, percentages,
// money (provider prices are in micro-units of CNY → yuan), durations and bucket labels. Buckets are
// shown in the tenant's time zone, which is the zone the server cut the days and hours in.

const MICROS_PER_YUAN = 1_000_000;

export function useDashboardFormat(timeZone: string) {
  const format = useFormatter();
  return useMemo(() => {
    const dash = "—";
    const count = (n: number) => format.number(n);
    const compact = (n: number) =>
      format.number(n, { notation: n >= 10_000 ? "compact" : "standard", maximumFractionDigits: 1 });
    const percent = (r: number | null) =>
      r === null ? dash : format.number(r, { style: "percent", maximumFractionDigits: 1 });
    const yuan = (micros: number) =>
      format.number(micros / MICROS_PER_YUAN, {
        style: "currency",
        currency: "CNY",
        currencyDisplay: "narrowSymbol",
        // small amounts are the usual case for a few hundred requests: keep the cents of a cent
        maximumFractionDigits: micros !== 0 && Math.abs(micros) < 10_000 ? 4 : 2,
      });
    const duration = (ms: number | null) => {
      if (ms === null) return dash;
      if (ms < 1000) return format.number(Math.round(ms), { style: "unit", unit: "millisecond" });
      if (ms < 60_000)
        return format.number(ms / 1000, { style: "unit", unit: "second", maximumFractionDigits: 1 });
      return format.number(ms / 60_000, { style: "unit", unit: "minute", maximumFractionDigits: 1 });
    };
    const score = (n: number | null) => (n === null ? dash : format.number(n, { maximumFractionDigits: 2 }));
    // A YYYY-MM-DD day is a calendar date: format it at UTC midnight so no zone shifts it.
    const dayDate = (d: string) => new Date(`${d}T00:00:00Z`);
    const day = (d: string) =>
      format.dateTime(dayDate(d), { timeZone: "UTC", month: "numeric", day: "numeric" });
    const dayLong = (d: string) => format.dateTime(dayDate(d), { timeZone: "UTC", dateStyle: "medium" });
    // Series buckets are instants (a day bucket starts at local midnight): format them in the tenant's zone.
    const dayAt = (iso: string) =>
      format.dateTime(new Date(iso), { timeZone, month: "numeric", day: "numeric" });
    const dayAtLong = (iso: string) => format.dateTime(new Date(iso), { timeZone, dateStyle: "medium" });
    const hour = (iso: string) =>
      format.dateTime(new Date(iso), { timeZone, hour: "numeric", minute: "2-digit" });
    const hourLong = (iso: string) =>
      format.dateTime(new Date(iso), {
        timeZone,
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
      });
    return {
      dash,
      count,
      compact,
      percent,
      yuan,
      duration,
      score,
      day,
      dayLong,
      dayAt,
      dayAtLong,
      hour,
      hourLong,
    };
  }, [format, timeZone]);
}

export type TDashboardFormat = ReturnType<typeof useDashboardFormat>;
