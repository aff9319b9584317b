"use client";

import { useQuery } from "@tanstack/react-query";
import { useParams, usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { cn } from "@/components/ui/cn";
import { InboxPane, type TInboxFilters } from "./inbox-pane";
import { LiveProvider } from "./live-provider";
import { useWaitingTitle } from "./waiting-alerts";

// The workbench frame, kept mounted while the agent moves between conversations (it is the layout of
// /inbox and /inbox/<id>), so the live socket and the list survive navigation. Desktop: list | open
// conversation (| customer panel, inside the conversation). Phone: the list, or the conversation
// full-screen with a back button.
//
// The app shell centres pages in a narrow column; a workbench needs the whole window, so the frame is
// fixed to the area right of the sidebar (252 px on lg+) and below the phone top bar (3.5 rem).

export function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const tenant = useTenant();
  if (!tenant.can("workbench.use")) return <NoPermission />;
  return <Workbench key={tenant.tenantId}>{children}</Workbench>;
}

function Workbench({ children }: { children: React.ReactNode }) {
  const t = useTranslations("workbench");
  const tenant = useTenant();
  const trpc = useTRPC();
  const pathname = usePathname();
  const params = useParams<{ conversationId?: string }>();
  const selectedId = params.conversationId;
  const [filters, setFilters] = useState<TInboxFilters>({ view: "waiting", search: "", channel: "any" });
  const me = useQuery(trpc.workbench.me.queryOptions({ tenantId: tenant.tenantId }));
  const counts = useQuery(trpc.workbench.counts.queryOptions({ tenantId: tenant.tenantId }));
  useWaitingTitle(counts.data?.waiting, pathname);

  return (
    <LiveProvider myUserId={me.data?.userId}>
      <div className="fixed inset-x-0 top-14 bottom-0 z-20 flex bg-background lg:top-0 lg:left-[252px]">
        <section
          aria-label={t("listLabel")}
          className={cn(
            "flex min-h-0 w-full flex-col border-r bg-card lg:w-[320px] lg:shrink-0",
            selectedId && "hidden lg:flex",
          )}
        >
          <InboxPane
            filters={filters}
            onFiltersChange={setFilters}
            selectedId={selectedId}
            counts={counts.data}
            me={me.data}
          />
        </section>
        <div className={cn("flex min-h-0 min-w-0 flex-1", !selectedId && "hidden lg:flex")}>{children}</div>
      </div>
    </LiveProvider>
  );
}
