"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Folder, Pencil, Tag, Trash2 } from "lucide-react";
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
import { QaFormDialog } from "./qa-form-dialog";
import { shortText, type TQaItem } from "./types";

/** Topic and category as small badges (nothing when both are empty). */
export function QaTags({ topic, category }: { topic: string | null; category: string | null }) {
  const t = useTranslations("knowledge");
  if (!topic && !category) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {topic && (
        <Badge variant="outline" className="max-w-full" title={`${t("topic")}: ${topic}`}>
          <Tag aria-hidden />
          <span className="sr-only">{t("topic")}: </span>
          <span className="truncate">{topic}</span>
        </Badge>
      )}
      {category && (
        <Badge variant="secondary" className="max-w-full" title={`${t("category")}: ${category}`}>
          <Folder aria-hidden />
          <span className="sr-only">{t("category")}: </span>
          <span className="truncate">{category}</span>
        </Badge>
      )}
    </span>
  );
}

const SOURCE_VARIANT = { MANUAL: "secondary", IMPORT: "default", LEARNED: "success" } as const;

export function SourceBadge({ source }: { source: TQaItem["source"] }) {
  const t = useTranslations("knowledge.sources");
  return <Badge variant={SOURCE_VARIANT[source]}>{t(source)}</Badge>;
}

/** The question, then the answer clamped to three lines with its line breaks kept. */
export function QaText({ item }: { item: TQaItem }) {
  return (
    <div className="grid min-w-0 gap-1">
      <p className="font-medium break-words">{item.question}</p>
      <p className="line-clamp-3 text-[13px] break-words whitespace-pre-line text-muted-foreground">
        {item.answer}
      </p>
    </div>
  );
}

/** On/off for one pair: shows the requested state at once, and the saved one if the request fails. */
export function QaEnabledSwitch({ item, disabled }: { item: TQaItem; disabled?: boolean }) {
  const t = useTranslations("knowledge");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const toggle = useMutation(
    trpc.knowledge.qa.setEnabled.mutationOptions({
      onSuccess: (_, vars) => {
        toast.success(vars.enabled ? t("enabledOn") : t("enabledOff"));
        return qc.invalidateQueries(trpc.knowledge.qa.list.pathFilter());
      },
      onError: (e) => toast.error(errorText(e)),
      onSettled: () => setOptimistic(null),
    }),
  );
  return (
    <Switch
      checked={optimistic ?? item.enabled}
      disabled={disabled || toggle.isPending}
      aria-label={t("enabledFor", { question: shortText(item.question) })}
      onCheckedChange={(enabled) => {
        setOptimistic(enabled);
        toggle.mutate({ tenantId: tenant.tenantId, qaPairId: item.id, enabled });
      }}
    />
  );
}

/** Edit and delete buttons for one pair. */
export function QaRowActions({ item }: { item: TQaItem }) {
  const t = useTranslations("knowledge");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.knowledge.qa.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("delete.done"));
        return qc.invalidateQueries(trpc.knowledge.qa.list.pathFilter());
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const question = shortText(item.question);
  return (
    <div className="flex items-center gap-0.5">
      <QaFormDialog
        item={item}
        trigger={
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("editFor", { question })}
            className="text-muted-foreground hover:text-foreground"
          >
            <Pencil aria-hidden />
          </Button>
        }
      />
      <ConfirmDialog
        trigger={
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("delete.trigger", { question })}
            className="text-muted-foreground hover:text-destructive"
          >
            <Trash2 aria-hidden />
          </Button>
        }
        title={t("delete.title")}
        description={t("delete.text", { question: shortText(item.question, 80) })}
        confirmLabel={t("delete.confirm")}
        onConfirm={() => remove.mutateAsync({ tenantId: tenant.tenantId, qaPairId: item.id })}
      />
    </div>
  );
}
