"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { NavLinks } from "./nav-links";
import { TenantSwitcher } from "./tenant-switcher";
import { UserMenu } from "./user-menu";

function SidebarBody({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <>
      {/* in the sheet, leave room for its close button */}
      <div className={onNavigate ? "pt-3 pr-12 pb-4 pl-3" : "px-3 pt-3 pb-4"}>
        <TenantSwitcher onNavigate={onNavigate} />
      </div>
      <NavLinks onNavigate={onNavigate} />
      <div className="mt-auto border-t border-sidebar-border p-3">
        <UserMenu />
      </div>
    </>
  );
}

/** Sidebar on wide screens; on phones a top bar whose menu button opens the same sidebar as a sheet. */
export function AppShell({ children }: { children: React.ReactNode }) {
  const t = useTranslations("shell");
  const common = useTranslations("common");
  const tenant = useTenant();
  const [open, setOpen] = useState(false);
  useRememberTenant(tenant.tenantId);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[252px_minmax(0,1fr)]">
      {/* the aside spans the page (background and border); its content sticks to the viewport */}
      <aside className="hidden border-r border-sidebar-border bg-sidebar lg:block">
        <div className="sticky top-0 flex h-dvh flex-col">
          <SidebarBody />
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur lg:hidden">
          <Sheet open={open} onOpenChange={setOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" aria-label={t("openNav")}>
                <Menu aria-hidden />
              </Button>
            </SheetTrigger>
            <SheetContent closeLabel={common("close")}>
              <SheetTitle className="sr-only">{t("navTitle")}</SheetTitle>
              <SheetDescription className="sr-only">{tenant.name}</SheetDescription>
              <SidebarBody onNavigate={() => setOpen(false)} />
            </SheetContent>
          </Sheet>
          <span className="min-w-0 flex-1 truncate font-semibold">{tenant.name}</span>
          <UserMenu compact />
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-10">
          {children}
        </main>
      </div>
    </div>
  );
}

// Opening a tenant by URL also makes it the one "/" returns to next time.
function useRememberTenant(tenantId: string) {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const { mutate } = useMutation(trpc.account.rememberTenant.mutationOptions());
  const last = me.data?.lastTenantId;
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (last === undefined || last === tenantId || done.current === tenantId) return;
    done.current = tenantId;
    mutate({ tenantId });
  }, [last, tenantId, mutate]);
}
