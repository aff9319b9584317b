"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { IncomingTransfers } from "./incoming-transfers";
import { InboxHeader } from "./inbox-header";
import { InboxList } from "./inbox-list";
import { InboxTabs } from "./inbox-tabs";
import { INBOX_CHANNELS, type TCounts, type TInboxView, type TMe } from "./types";

export type TInboxFilters = {
  view: TInboxView;
  search: string;
  channel: (typeof INBOX_CHANNELS)[number] | "any";
};

export function InboxPane({
  filters,
  onFiltersChange,
  selectedId,
  counts,
  me,
}: {
  filters: TInboxFilters;
  onFiltersChange: (f: TInboxFilters) => void;
  selectedId: string | undefined;
  counts: TCounts | undefined;
  me: TMe | undefined;
}) {
  const t = useTranslations("workbench");
  const set = (patch: Partial<TInboxFilters>) => onFiltersChange({ ...filters, ...patch });
  return (
    <>
      <InboxHeader me={me} />
      {me && me.incomingTransfers.length > 0 && <IncomingTransfers transfers={me.incomingTransfers} />}
      <InboxTabs view={filters.view} counts={counts} onChange={(view) => set({ view })} />
      <div className="flex gap-2 border-b px-3 py-2">
        <div className="relative min-w-0 flex-1">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            type="search"
            aria-label={t("searchLabel")}
            placeholder={t("searchPlaceholder")}
            value={filters.search}
            onChange={(e) => set({ search: e.target.value })}
            className="h-8 pl-8"
            maxLength={200}
          />
        </div>
        <Select
          value={filters.channel}
          onValueChange={(v) => set({ channel: v as TInboxFilters["channel"] })}
        >
          <SelectTrigger aria-label={t("channelFilter")} className="h-8 w-[7.5rem] shrink-0">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="any">{t("channelAny")}</SelectItem>
            {INBOX_CHANNELS.map((c) => (
              <SelectItem key={c} value={c}>
                {t(`channel.${c}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div
        id="inbox-panel"
        role="tabpanel"
        aria-label={t(`views.${filters.view}`)}
        className="flex min-h-0 flex-1 flex-col"
      >
        <InboxList
          filters={filters}
          selectedId={selectedId}
          onClearFilters={() => set({ search: "", channel: "any" })}
        />
      </div>
    </>
  );
}
