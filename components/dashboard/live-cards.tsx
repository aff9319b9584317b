"use client";

import { ArrowRight, Bot, ClipboardCheck, Headset, Hourglass } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

// What is happening now, independent of the chosen range. Waiting conversations link to the inbox
// (it opens on its "waiting" view) and pending review items to /review, for those who may open them.

export function LiveCards({ live, fmt }: { live: TOverview["live"]; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.live");
  const tenant = useTenant();
  const base = `/t/${tenant.slug}`;
  const cards = [
    { key: "active", value: live.active, icon: Bot },
    {
      key: "waiting",
      value: live.waiting,
      icon: Hourglass,
      href: tenant.can("workbench.use") ? `${base}/inbox` : undefined,
      urgent: live.waiting > 0,
    },
    { key: "withAgents", value: live.withAgents, icon: Headset },
    {
      key: "reviewPending",
      value: live.reviewPending,
      icon: ClipboardCheck,
      href: tenant.can("review.use") ? `${base}/review` : undefined,
    },
  ] as const;

  return (
    <section aria-labelledby="live-heading" className="grid min-w-0 grid-cols-1 gap-3">
      <h2 id="live-heading" className="flex items-center gap-2 text-[13px] font-medium text-muted-foreground">
        <span className="relative flex size-2" aria-hidden>
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60 motion-reduce:animate-none" />
          <span className="relative inline-flex size-2 rounded-full bg-success" />
        </span>
        {t("heading")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="live">
        {cards.map((c) => {
          const Icon = c.icon;
          const body = (
            <>
              <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              <span className="min-w-0 flex-1">
                <span id={`live-${c.key}`} className="block text-[13px] text-muted-foreground">
                  {t(c.key)}
                </span>
                <span
                  className={cn(
                    "block text-xl font-semibold tabular-nums",
                    "urgent" in c && c.urgent && "text-destructive-soft-foreground",
                  )}
                >
                  {fmt.count(c.value)}
                </span>
              </span>
              {"href" in c && c.href && (
                <ArrowRight className="size-4 shrink-0 text-muted-foreground" aria-hidden />
              )}
            </>
          );
          return (
            <li key={c.key}>
              <Card className="h-full" data-live={c.key}>
                {"href" in c && c.href ? (
                  <Link
                    href={c.href}
                    className="flex h-full items-start gap-3 rounded-xl px-4 py-3.5 outline-none hover:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring"
                    aria-label={t("open", { name: t(c.key), count: c.value })}
                  >
                    {body}
                  </Link>
                ) : (
                  <div
                    className="flex items-start gap-3 px-4 py-3.5"
                    role="group"
                    aria-labelledby={`live-${c.key}`}
                  >
                    {body}
                  </div>
                )}
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
