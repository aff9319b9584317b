"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { KnowledgeTabs } from "../knowledge-tabs";
import { useTenant } from "@/components/tenant/tenant-context";
import { DictionaryCard } from "./dictionary-card";
import { IndexStatusCard } from "./index-status-card";
import { ReindexWatchProvider } from "./reindex-watch";
import { RetrievalCard } from "./retrieval-card";
import { SynonymsCard } from "./synonyms-card";

// Knowledge-base settings: the custom dictionary and synonyms (both re-index the knowledge), the
// retrieval tuning and the re-index status. Readers (kb.read) see everything; kb.write edits.
export function KnowledgeSettingsPage() {
  const tenant = useTenant();
  if (!tenant.can("kb.read")) return <NoPermission />;
  return <KnowledgeSettings key={tenant.tenantId} />;
}

function KnowledgeSettings() {
  const t = useTranslations("knowledge.settings");
  const tenant = useTenant();
  return (
    <ReindexWatchProvider>
      <Link
        href={`/t/${tenant.slug}/knowledge`}
        className="mb-3 inline-flex items-center gap-1.5 rounded-sm text-[13px] text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
      >
        <ArrowLeft className="size-3.5" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <KnowledgeTabs />
      <div className="grid gap-6">
        <IndexStatusCard />
        <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
          <DictionaryCard />
          <SynonymsCard />
        </div>
        <RetrievalCard />
      </div>
    </ReindexWatchProvider>
  );
}
