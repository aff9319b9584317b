"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { AlertsNavCount } from "@/components/alerts/alerts-nav-count";
import { ReviewNavCount } from "@/components/review/review-nav-count";
import { useTenant } from "@/components/tenant/tenant-context";
import { cn } from "@/components/ui/cn";
import { InboxNavCount } from "@/components/workbench/inbox-nav-count";
import { visibleNavItems } from "./nav-items";

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const tenant = useTenant();
  const pathname = usePathname();
  const base = `/t/${tenant.slug}`;
  return (
    <nav aria-label={t("label")} className="grid gap-0.5 px-3">
      {visibleNavItems(tenant.can).map(({ key, href, icon: Icon }) => {
        const full = base + href;
        const active = href === "" ? pathname === base : pathname === full || pathname.startsWith(`${full}/`);
        return (
          <Link
            key={key}
            href={full}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex h-9 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              active && "bg-accent text-foreground",
            )}
          >
            <Icon className={cn("size-4 shrink-0", active && "text-primary")} aria-hidden />
            {t(key)}
            {key === "inbox" && <InboxNavCount />}
            {key === "review" && <ReviewNavCount />}
            {key === "system" && <AlertsNavCount />}
          </Link>
        );
      })}
    </nav>
  );
}
