"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowRight, Bot, Check, ChevronRight, Pencil, Undo2, User, X } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { toast } from "@/components/ui/toast";
import { EditApproveDialog, RejectDialog } from "./review-dialogs";
import { shortText, type TReviewItem, type TReviewStatus } from "./types";
import { useRefreshReview } from "./use-refresh-review";

const STATUS_VARIANT: Record<TReviewStatus, "default" | "secondary" | "success" | "warning" | "destructive"> =
  {
    PENDING: "warning",
    AUTO_APPROVED: "default",
    APPROVED: "success",
    REJECTED: "destructive",
    MERGED: "secondary",
    DISCARDED: "secondary",
  };

export function StatusBadge({ status }: { status: TReviewStatus }) {
  const t = useTranslations("review.status");
  return <Badge variant={STATUS_VARIANT[status]}>{t(status)}</Badge>;
}

/** One learned Q&A: text, provenance, the source conversation and the actions its status allows. */
export function ReviewItem({
  item,
  selected,
  onSelectedChange,
}: {
  item: TReviewItem;
  selected: boolean;
  onSelectedChange: (selected: boolean) => void;
}) {
  const t = useTranslations("review");
  const format = useFormatter();
  const tenant = useTenant();
  const question = shortText(item.question);
  const pending = item.status === "PENDING";
  const human = item.answeredBy === "HUMAN";
  return (
    <li className={cn("grid gap-3 p-4 sm:p-5", selected && "bg-primary-soft/40")} data-testid="review-item">
      <div className="flex items-start gap-3">
        {pending && (
          <input
            type="checkbox"
            className="mt-1 size-4 shrink-0 accent-primary"
            checked={selected}
            onChange={(e) => onSelectedChange(e.target.checked)}
            aria-label={t("select", { question })}
          />
        )}
        <div className="grid min-w-0 flex-1 gap-1.5">
          <p className="font-medium break-words">{item.question}</p>
          <p className="text-[13px] break-words whitespace-pre-line text-muted-foreground">{item.answer}</p>
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-muted-foreground">
            {!pending && <StatusBadge status={item.status} />}
            <Badge variant="outline">
              {human ? <User aria-hidden /> : <Bot aria-hidden />}
              {t(`answeredBy.${human ? "HUMAN" : "BOT"}`)}
            </Badge>
            <span>{t("confidence", { value: Math.round(item.confidence * 100) })}</span>
            <time dateTime={item.createdAt.toISOString()}>
              {t("created", {
                date: format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </time>
          </div>
          {item.reviewNote && (
            <p className="text-xs break-words text-muted-foreground">
              {t("note", { note: item.reviewNote })}
            </p>
          )}
        </div>
      </div>
      <Excerpt item={item} canOpen={tenant.can("workbench.use")} />
      {(pending || item.status === "AUTO_APPROVED") && (
        <div className="flex flex-wrap gap-2 sm:justify-end">
          {pending ? <PendingActions item={item} question={question} /> : <RevertAction item={item} />}
        </div>
      )}
    </li>
  );
}

function Excerpt({ item, canOpen }: { item: TReviewItem; canOpen: boolean }) {
  const t = useTranslations("review");
  const tenant = useTenant();
  const roles = ["CUSTOMER", "AGENT", "BOT"] as const;
  const roleLabel = (r: string) =>
    (roles as readonly string[]).includes(r) ? t(`role.${r as (typeof roles)[number]}`) : r;
  if (!item.conversationId) return null;
  return (
    <details className="group rounded-md border bg-muted/30 text-[13px]">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md px-3 py-2 font-medium text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-4 transition-transform group-open:rotate-90" aria-hidden />
        {t("excerpt")}
      </summary>
      <div className="grid gap-2 border-t px-3 py-3">
        {item.excerpt.length === 0 ? (
          <p className="text-muted-foreground">{t("excerptEmpty")}</p>
        ) : (
          <ol className="grid gap-2">
            {item.excerpt.map((line, i) => (
              <li key={i} className="grid gap-0.5">
                <span className="text-xs font-medium text-muted-foreground">{roleLabel(line.role)}</span>
                <span className="break-words whitespace-pre-line">{line.content}</span>
              </li>
            ))}
          </ol>
        )}
        {canOpen && (
          <Link
            href={`/t/${tenant.slug}/inbox/${item.conversationId}`}
            className="inline-flex w-fit items-center gap-1 text-primary underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            {t("openConversation")}
            <ArrowRight className="size-3.5" aria-hidden />
          </Link>
        )}
      </div>
    </details>
  );
}

function PendingActions({ item, question }: { item: TReviewItem; question: string }) {
  const t = useTranslations("review");
  const tenant = useTenant();
  const trpc = useTRPC();
  const refresh = useRefreshReview();
  const errorText = useErrorText();
  const approve = useMutation(
    trpc.review.approve.mutationOptions({
      onSuccess: () => {
        toast.success(t("approved"));
        return refresh();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  return (
    <>
      <RejectDialog
        item={item}
        trigger={
          <Button variant="outline" size="sm" aria-label={t("rejectFor", { question })}>
            <X aria-hidden />
            {t("reject")}
          </Button>
        }
      />
      <EditApproveDialog
        item={item}
        trigger={
          <Button variant="outline" size="sm" aria-label={t("editApproveFor", { question })}>
            <Pencil aria-hidden />
            {t("editApprove")}
          </Button>
        }
      />
      <Button
        size="sm"
        aria-label={t("approveFor", { question })}
        loading={approve.isPending}
        onClick={() => approve.mutate({ tenantId: tenant.tenantId, id: item.id })}
      >
        <Check aria-hidden />
        {t("approve")}
      </Button>
    </>
  );
}

function RevertAction({ item }: { item: TReviewItem }) {
  const t = useTranslations("review");
  const tenant = useTenant();
  const trpc = useTRPC();
  const refresh = useRefreshReview();
  const errorText = useErrorText();
  const revert = useMutation(
    trpc.review.revertAutoApproval.mutationOptions({
      onSuccess: () => {
        toast.success(t("reverted"));
        return refresh();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="outline"
          size="sm"
          aria-label={t("revertFor", { question: shortText(item.question) })}
        >
          <Undo2 aria-hidden />
          {t("revert")}
        </Button>
      }
      title={t("revertTitle")}
      description={t("revertText", { question: shortText(item.question, 80) })}
      confirmLabel={t("revert")}
      onConfirm={() => revert.mutateAsync({ tenantId: tenant.tenantId, id: item.id })}
    />
  );
}
