"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, RefreshCw, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { shortText } from "../types";
import { isBusy, type TDocument, type TDocumentStatus } from "./doc-types";
import { useDocumentProblemText } from "./document-failure";

const STATUS_VARIANT = {
  QUEUED: "secondary",
  PARSING: "default",
  INDEXING: "default",
  READY: "success",
  FAILED: "destructive",
} as const;

export function StatusBadge({ status }: { status: TDocumentStatus }) {
  const t = useTranslations("knowledge.docs.status");
  return <Badge variant={STATUS_VARIANT[status]}>{t(status)}</Badge>;
}

/** Status text, a progress bar while the job works on it, and the reason when it failed. */
export function DocumentStatus({ doc }: { doc: TDocument }) {
  const t = useTranslations("knowledge.docs");
  const problemText = useDocumentProblemText();
  const problem = doc.status === "FAILED" && doc.error ? problemText(doc.error) : null;
  return (
    <div className="grid min-w-0 gap-1.5">
      <StatusBadge status={doc.status} />
      {isBusy(doc.status) && (
        <div
          role="progressbar"
          aria-label={t("progressFor", { title: shortText(doc.title) })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={doc.progress}
          className="h-1.5 w-full max-w-32 overflow-hidden rounded-full bg-muted"
        >
          <div
            className="h-full rounded-full bg-primary transition-[width] duration-500"
            style={{ width: `${Math.max(4, doc.progress)}%` }}
          />
        </div>
      )}
      {problem && (
        <p className="flex items-start gap-1 text-[13px] break-words text-destructive-soft-foreground">
          <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          <span>
            {problem.text}
            {problem.detail && (
              <span className="block text-xs opacity-90">
                {t("failure.detail", { detail: problem.detail })}
              </span>
            )}
          </span>
        </p>
      )}
    </div>
  );
}

function useInvalidateDocuments() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.knowledge.documents.list.pathFilter()),
      qc.invalidateQueries(trpc.knowledge.documents.get.pathFilter()),
      qc.invalidateQueries(trpc.knowledge.documents.chunks.pathFilter()),
    ]);
}

/** On/off for a whole document (all its chunks); shows the requested state until the server answers. */
export function DocumentEnabledSwitch({ doc, disabled }: { doc: TDocument; disabled?: boolean }) {
  const t = useTranslations("knowledge.docs");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const invalidate = useInvalidateDocuments();
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const toggle = useMutation(
    trpc.knowledge.documents.setEnabled.mutationOptions({
      onSuccess: (_, vars) => {
        toast.success(vars.enabled ? t("enabledOn") : t("enabledOff"));
        return invalidate();
      },
      onError: (e) => toast.error(errorText(e)),
      onSettled: () => setOptimistic(null),
    }),
  );
  return (
    <Switch
      checked={optimistic ?? doc.enabled}
      disabled={disabled || toggle.isPending}
      aria-label={t("enabledFor", { title: shortText(doc.title) })}
      onCheckedChange={(enabled) => {
        setOptimistic(enabled);
        toggle.mutate({ tenantId: tenant.tenantId, documentId: doc.id, enabled });
      }}
    />
  );
}

/** Re-index (re-parse the stored file; replaces every chunk, manual edits included) with a confirmation. */
export function ReindexButton({ doc, label }: { doc: TDocument; label?: boolean }) {
  const t = useTranslations("knowledge.docs");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const invalidate = useInvalidateDocuments();
  const reindex = useMutation(
    trpc.knowledge.documents.reindex.mutationOptions({
      onSuccess: () => {
        toast.success(t("reindex.done"));
        return invalidate();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const busy = isBusy(doc.status);
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant={label ? "outline" : "ghost"}
          size={label ? "default" : "icon-sm"}
          disabled={busy}
          aria-label={label ? undefined : t("reindex.trigger", { title: shortText(doc.title) })}
          title={busy ? t("reindex.busy") : undefined}
          className={label ? undefined : "text-muted-foreground hover:text-foreground"}
        >
          <RefreshCw aria-hidden />
          {label && t("reindex.label")}
        </Button>
      }
      title={t("reindex.title")}
      description={t("reindex.text", { title: shortText(doc.title, 80) })}
      confirmLabel={t("reindex.confirm")}
      onConfirm={() => reindex.mutateAsync({ tenantId: tenant.tenantId, documentId: doc.id })}
    />
  );
}

export function DeleteDocumentButton({
  doc,
  onDeleted,
  label,
}: {
  doc: TDocument;
  onDeleted?: () => void;
  label?: boolean;
}) {
  const t = useTranslations("knowledge.docs");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const invalidate = useInvalidateDocuments();
  const remove = useMutation(
    trpc.knowledge.documents.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("delete.done"));
        onDeleted?.();
        return invalidate();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant={label ? "outline" : "ghost"}
          size={label ? "default" : "icon-sm"}
          aria-label={label ? undefined : t("delete.trigger", { title: shortText(doc.title) })}
          className={label ? "hover:text-destructive" : "text-muted-foreground hover:text-destructive"}
        >
          <Trash2 aria-hidden />
          {label && t("delete.label")}
        </Button>
      }
      title={t("delete.title")}
      description={t("delete.text", { title: shortText(doc.title, 80) })}
      confirmLabel={t("delete.confirm")}
      onConfirm={() => remove.mutateAsync({ tenantId: tenant.tenantId, documentId: doc.id })}
    />
  );
}
