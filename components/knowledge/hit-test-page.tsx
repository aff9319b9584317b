"use client";

import { skipToken, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { ArrowLeft, Crosshair, Info, SearchX, Zap } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import type { TSearchHit, TSearchResult } from "./types";
import { KnowledgeTabs } from "./knowledge-tabs";

const TOP_K = 10;

export function HitTestPage() {
  const tenant = useTenant();
  if (!tenant.can("kb.read")) return <NoPermission />;
  return <HitTest key={tenant.tenantId} />;
}

function HitTest() {
  const t = useTranslations("knowledge.hit");
  const tenant = useTenant();
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  const search = useQuery({
    ...trpc.knowledge.search.queryOptions(
      query ? { tenantId: tenant.tenantId, query, topK: TOP_K } : skipToken,
    ),
    staleTime: 0, // the knowledge base may have changed since the last test
  });

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const q = draft.trim();
    if (!q) return;
    if (q === query) void search.refetch();
    else setQuery(q);
  }

  return (
    <>
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
        <Card>
          <CardContent>
            <form onSubmit={onSubmit} className="grid gap-3" role="search">
              <Label htmlFor="hit-query">{t("question")}</Label>
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
                <Textarea
                  id="hit-query"
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter tests, Shift+Enter adds a line (and IME composition keeps its Enter)
                    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      e.currentTarget.form?.requestSubmit();
                    }
                  }}
                  placeholder={t("placeholder")}
                  rows={2}
                  maxLength={2000}
                  aria-describedby="hit-help"
                  className="min-h-0 resize-y sm:min-h-9"
                />
                <Button type="submit" loading={search.isFetching} disabled={!draft.trim()}>
                  {!search.isFetching && <Crosshair aria-hidden />}
                  {t("submit")}
                </Button>
              </div>
              <p id="hit-help" className="flex gap-2 text-[13px] text-muted-foreground">
                <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                {t("help")}
              </p>
            </form>
          </CardContent>
        </Card>
        <Results query={query} search={search} />
      </div>
    </>
  );
}

function Results({ query, search }: { query: string; search: UseQueryResult<TSearchResult, unknown> }) {
  const t = useTranslations("knowledge.hit");
  if (!query)
    return (
      <Card>
        <EmptyState icon={Crosshair} title={t("idle")} />
      </Card>
    );
  if (search.isError) return <QueryError error={search.error} onRetry={() => search.refetch()} />;
  if (search.isPending)
    return (
      <div className="grid gap-3" aria-busy>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-36 rounded-xl" />
        ))}
      </div>
    );
  const { terms, hits } = search.data;
  return (
    <section aria-labelledby="hit-results" className={cn("grid gap-4", search.isFetching && "opacity-60")}>
      <div className="grid gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="hit-results" className="text-[15px] font-semibold">
            {t("results")}
          </h2>
          <span className="text-[13px] text-muted-foreground" aria-live="polite">
            {t("resultsCount", { count: hits.length })}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-1.5 text-[13px]">
          <span className="text-muted-foreground">{t("terms")}:</span>
          {terms.length ? (
            <ul className="contents" aria-label={t("terms")}>
              {terms.map((term) => (
                <li key={term}>
                  <Badge variant="outline" className="font-normal">
                    {term}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-muted-foreground">{t("noTerms")}</span>
          )}
        </div>
      </div>
      {hits.length === 0 ? (
        <Card>
          <EmptyState icon={SearchX} title={t("empty")} description={t("emptyText")} />
        </Card>
      ) : (
        <ol className="grid gap-3">
          {hits.map((hit, i) => (
            <HitCard key={hit.chunkId} hit={hit} rank={i + 1} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HitCard({ hit, rank }: { hit: TSearchHit; rank: number }) {
  const t = useTranslations("knowledge.hit");
  const format = useFormatter();
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const score = Math.min(Math.max(hit.score, 0), 1);
  const matched = new Set(hit.matchedTerms);
  const metrics = [
    {
      label: t("vector"),
      value:
        hit.vectorScore === null
          ? t("noScore")
          : format.number(hit.vectorScore, { maximumFractionDigits: 3 }),
    },
    {
      label: t("keywordRank"),
      value: hit.keywordRank === null ? t("keywordNone") : t("keywordRankValue", { rank: hit.keywordRank }),
    },
    { label: t("keywordScore"), value: format.number(hit.keywordScore, { maximumFractionDigits: 2 }) },
    { label: t("coverage"), value: percent(hit.keywordCoverage) },
  ];

  return (
    <li>
      <Card className={cn("grid gap-4 p-4 sm:p-5", hit.directAnswer && "border-success/40")}>
        <div className="flex items-start gap-3">
          <span
            className={cn(
              "flex size-7 shrink-0 items-center justify-center rounded-full text-[13px] font-semibold tabular-nums",
              rank === 1 ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground",
            )}
          >
            <span className="sr-only">{t("rank", { rank })}</span>
            <span aria-hidden>{rank}</span>
          </span>
          <div className="grid min-w-0 flex-1 gap-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="text-xs text-muted-foreground">{t("score")}</span>
              <span className="text-sm font-semibold tabular-nums">{percent(score)}</span>
              {hit.directAnswer && (
                <Badge variant="success">
                  <Zap aria-hidden />
                  {t("direct")}
                </Badge>
              )}
            </div>
            <div aria-hidden className="h-1.5 w-full overflow-hidden rounded-full bg-muted">
              <div
                className={cn("h-full rounded-full", hit.directAnswer ? "bg-success" : "bg-primary")}
                style={{ width: `${Math.round(score * 100)}%` }}
              />
            </div>
            <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
              {metrics.map((m) => (
                <div key={m.label} className="flex gap-1.5">
                  <dt className="text-muted-foreground">{m.label}</dt>
                  <dd className="font-medium tabular-nums">{m.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>

        <div className="grid gap-2 rounded-lg bg-muted/50 px-3.5 py-3 text-sm">
          {hit.question !== null ? (
            <>
              <p className="break-words">
                <span className="mr-1.5 text-xs font-medium text-muted-foreground">{t("questionLabel")}</span>
                <Highlighted text={hit.question} terms={hit.matchedTerms} className="font-medium" />
              </p>
              {hit.answer !== null && (
                <p className="break-words whitespace-pre-line">
                  <span className="mr-1.5 text-xs font-medium text-muted-foreground">{t("answerLabel")}</span>
                  <Highlighted text={hit.answer} terms={hit.matchedTerms} />
                </p>
              )}
            </>
          ) : (
            <p className="break-words whitespace-pre-line">
              <span className="mr-1.5 text-xs font-medium text-muted-foreground">{t("contentLabel")}</span>
              <Highlighted text={hit.content} terms={hit.matchedTerms} />
            </p>
          )}
        </div>

        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          <span className="text-muted-foreground">{t("matched")}:</span>
          {matched.size ? (
            <ul className="contents" aria-label={t("matched")}>
              {[...matched].map((term) => (
                <li key={term}>
                  <Badge>{term}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-muted-foreground">{t("noneMatched")}</span>
          )}
        </div>
      </Card>
    </li>
  );
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `text` with the matched terms marked (case-insensitive; terms are already normalised words). */
function Highlighted({ text, terms, className }: { text: string; terms: string[]; className?: string }) {
  const words = terms.filter((w) => w.trim()).sort((a, b) => b.length - a.length);
  if (!words.length) return <span className={className}>{text}</span>;
  const re = new RegExp(`(${words.map(escapeRe).join("|")})`, "gi");
  const parts = text.split(re);
  return (
    <span className={className}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-warning-soft-foreground">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </span>
  );
}
