"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Layers, Pencil } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { KnowledgeTabs } from "../knowledge-tabs";
import { ChunkEditDialog } from "./chunk-edit-dialog";
import { chunkBody, formatBytes, formatLabel, isBusy, type TChunk, type TDocument } from "./doc-types";
import { DeleteDocumentButton, DocumentEnabledSwitch, DocumentStatus, ReindexButton } from "./document-parts";

const POLL_MS = 2000;

export function DocumentChunksPage({ documentId }: { documentId: string }) {
  const tenant = useTenant();
  if (!tenant.can("kb.read")) return <NoPermission />;
  return <DocumentChunks key={`${tenant.tenantId}:${documentId}`} documentId={documentId} />;
}

function DocumentChunks({ documentId }: { documentId: string }) {
  const t = useTranslations("knowledge.docs");
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const canWrite = tenant.can("kb.write");
  const input = { tenantId: tenant.tenantId, documentId };
  const doc = useQuery({
    ...trpc.knowledge.documents.get.queryOptions(input),
    refetchInterval: (q) => (q.state.data && isBusy(q.state.data.status) ? POLL_MS : false),
  });
  const busy = doc.data ? isBusy(doc.data.status) : false;
  const chunks = useQuery({
    ...trpc.knowledge.documents.chunks.queryOptions(input),
    // the chunks are replaced when the job finishes: follow the document's status
    refetchInterval: busy ? POLL_MS : false,
  });
  // when the job finishes, fetch the chunks it wrote once more (the last poll may predate them)
  const qc = useQueryClient();
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy) void qc.invalidateQueries(trpc.knowledge.documents.chunks.pathFilter());
    wasBusy.current = busy;
  }, [busy, qc, trpc]);
  const back = `/t/${tenant.slug}/knowledge/documents`;

  return (
    <>
      <Link
        href={back}
        className="mb-3 inline-flex items-center gap-1.5 rounded-sm text-[13px] text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
      >
        <ArrowLeft className="size-3.5" aria-hidden />
        {t("back")}
      </Link>
      {doc.isError ? (
        <QueryError error={doc.error} onRetry={() => doc.refetch()} />
      ) : doc.isPending ? (
        <ChunksSkeleton />
      ) : (
        <>
          <PageHeader
            title={<span className="break-words">{doc.data.title}</span>}
            description={
              <span className="text-[13px]">
                {[
                  doc.data.fileName,
                  formatLabel(doc.data.fileName),
                  formatBytes(doc.data.sizeBytes),
                  t("chunkCount", { count: doc.data.chunkCount }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            }
            actions={
              canWrite && (
                <>
                  <ReindexButton doc={doc.data} label />
                  <DeleteDocumentButton doc={doc.data} onDeleted={() => router.push(back)} label />
                </>
              )
            }
          />
          <KnowledgeTabs />
          <DocumentSummary doc={doc.data} canWrite={canWrite} />
          {chunks.isError ? (
            <QueryError error={chunks.error} onRetry={() => chunks.refetch()} />
          ) : chunks.isPending ? (
            <ChunksSkeleton />
          ) : chunks.data.length === 0 ? (
            <Card>
              <EmptyState
                icon={Layers}
                title={busy ? t("chunks.waiting") : t("chunks.empty")}
                description={busy ? t("chunks.waitingText") : t("chunks.emptyText")}
              />
            </Card>
          ) : (
            <ol className="grid gap-3" aria-label={t("chunks.label")}>
              {chunks.data.map((chunk) => (
                <ChunkCard
                  key={chunk.id}
                  chunk={chunk}
                  canWrite={canWrite}
                  documentEnabled={doc.data.enabled}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}

function DocumentSummary({ doc, canWrite }: { doc: TDocument; canWrite: boolean }) {
  const t = useTranslations("knowledge.docs");
  return (
    <Card className="mb-4 flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
      <DocumentStatus doc={doc} />
      <div className="grid gap-2 sm:max-w-sm sm:justify-items-end">
        <label className="flex items-center gap-2 text-[13px]">
          <DocumentEnabledSwitch doc={doc} disabled={!canWrite} />
          <span>{doc.enabled ? t("enabledLong") : t("disabledLong")}</span>
        </label>
        {canWrite && (
          <p className="text-[13px] text-muted-foreground sm:text-right">{t("chunks.editNote")}</p>
        )}
      </div>
    </Card>
  );
}

function ChunkCard({
  chunk,
  canWrite,
  documentEnabled,
}: {
  chunk: TChunk;
  canWrite: boolean;
  documentEnabled: boolean;
}) {
  const t = useTranslations("knowledge.docs.chunks");
  const n = chunk.ordinal + 1;
  return (
    <li>
      <Card className={cn("grid gap-2 p-4", !chunk.enabled && "bg-muted/30")}>
        <div className="flex items-start justify-between gap-3">
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <Badge variant="outline" className="tabular-nums">
              #{n}
            </Badge>
            {chunk.heading && <h2 className="min-w-0 text-sm font-semibold break-words">{chunk.heading}</h2>}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <ChunkEnabledSwitch
              chunk={chunk}
              disabled={!canWrite || (!documentEnabled && !chunk.enabled)}
              hint={!documentEnabled ? t("documentDisabled") : undefined}
            />
            {canWrite && (
              <ChunkEditDialog
                chunk={chunk}
                trigger={
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t("editFor", { n })}
                    className="text-muted-foreground hover:text-foreground"
                  >
                    <Pencil aria-hidden />
                  </Button>
                }
              />
            )}
          </div>
        </div>
        <p
          className={cn(
            "text-[13px] leading-relaxed break-words whitespace-pre-wrap",
            !chunk.enabled && "opacity-60",
          )}
        >
          {chunkBody(chunk.heading, chunk.content)}
        </p>
        <p className="text-xs text-muted-foreground">
          {t("tokens", { count: chunk.tokenCount })}
          {!chunk.enabled && ` · ${t("disabled")}`}
        </p>
      </Card>
    </li>
  );
}

function ChunkEnabledSwitch({ chunk, disabled, hint }: { chunk: TChunk; disabled: boolean; hint?: string }) {
  const t = useTranslations("knowledge.docs.chunks");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const toggle = useMutation(
    trpc.knowledge.documents.updateChunk.mutationOptions({
      onSuccess: (_, vars) => {
        toast.success(vars.enabled ? t("enabledOn") : t("enabledOff"));
        return qc.invalidateQueries(trpc.knowledge.documents.chunks.pathFilter());
      },
      onError: (e) => toast.error(errorText(e)),
      onSettled: () => setOptimistic(null),
    }),
  );
  return (
    <span title={hint}>
      <Switch
        checked={optimistic ?? chunk.enabled}
        disabled={disabled || toggle.isPending}
        aria-label={t("enabledFor", { n: chunk.ordinal + 1 })}
        onCheckedChange={(enabled) => {
          setOptimistic(enabled);
          toggle.mutate({ tenantId: tenant.tenantId, chunkId: chunk.id, enabled });
        }}
      />
    </span>
  );
}

function ChunksSkeleton() {
  return (
    <div className="grid gap-3" aria-busy>
      {[0, 1, 2].map((i) => (
        <Card key={i} className="grid gap-2 p-4">
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-3 w-full" />
          <Skeleton className="h-3 w-5/6" />
        </Card>
      ))}
    </div>
  );
}
