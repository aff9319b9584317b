"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { cn } from "@/components/ui/cn";

// The settings area's sub-navigation: one tab per page the role may open.
const TABS = [
  { key: "general", href: "", anyOf: ["tenant.update", "apikeys.manage"] },
  { key: "ai", href: "/ai", anyOf: ["providers.manage"] },
  { key: "bot", href: "/bot", anyOf: ["rules.manage"] },
  { key: "support", href: "/support", anyOf: ["tenant.update", "rules.manage"] },
  { key: "widget", href: "/widget", anyOf: ["tenant.update"] },
  { key: "erp", href: "/erp", anyOf: ["integrations.manage"] },
  { key: "alerts", href: "/alerts", anyOf: ["tenant.update"] },
] as const;

export function SettingsShell({ children }: { children: React.ReactNode }) {
  const t = useTranslations("settingsNav");
  const s = useTranslations("settings");
  const tenant = useTenant();
  const pathname = usePathname();
  const base = `/t/${tenant.slug}/settings`;
  const tabs = TABS.filter((tab) => tab.anyOf.some((p) => tenant.can(p)));
  return (
    <>
      <PageHeader title={s("title")} description={t("description")} />
      {tabs.length > 1 && (
        <nav aria-label={t("label")} className="-mt-2 mb-6 overflow-x-auto border-b sm:-mt-4">
          <ul className="flex min-w-max gap-1">
            {tabs.map((tab) => {
              const href = base + tab.href;
              const active = pathname === href;
              return (
                <li key={tab.key}>
                  <Link
                    href={href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "-mb-px inline-flex h-10 items-center border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring",
                      active && "border-primary text-foreground",
                    )}
                  >
                    {t(tab.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
