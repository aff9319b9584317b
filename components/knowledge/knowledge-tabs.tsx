"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { cn } from "@/components/ui/cn";

const TABS = [
  { key: "qa", href: "" },
  { key: "documents", href: "/documents" },
  { key: "hitTest", href: "/hit-test" },
  { key: "settings", href: "/settings" },
] as const;

/** Q&A | Documents | Hit test | Settings: the knowledge base's own sub-navigation (scrolls sideways on a phone). */
export function KnowledgeTabs() {
  const t = useTranslations("knowledge.tabs");
  const tenant = useTenant();
  const pathname = usePathname();
  const base = `/t/${tenant.slug}/knowledge`;
  const active = (href: string) =>
    href ? pathname === base + href || pathname.startsWith(`${base}${href}/`) : pathname === base;
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-5 overflow-x-auto px-1">
      <ul className="flex min-w-max gap-1 border-b">
        {TABS.map((tab) => {
          const current = active(tab.href);
          return (
            <li key={tab.key}>
              <Link
                href={base + tab.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-3 text-sm font-medium outline-none focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring",
                  current
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
