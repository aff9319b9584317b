"use client";

import { useTranslations } from "next-intl";

/** "等待 3 分钟" / "Waiting 1 h 5 min" since the customer asked for a human. */
export function WaitingTime({ since, now }: { since: Date; now: Date }) {
  const t = useTranslations("workbench.waiting");
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const text =
    minutes < 1
      ? t("justNow")
      : minutes < 60
        ? t("minutes", { minutes })
        : t("hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return <time dateTime={since.toISOString()}>{text}</time>;
}
