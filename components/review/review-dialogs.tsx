"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LiveRegion } from "@/components/ui/live-region";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { REVIEW_LIMITS, type TReviewItem } from "./types";
import { useRefreshReview } from "./use-refresh-review";

/** "n items updated", plus how many were skipped because someone reviewed them meanwhile. */
export function bulkMessage(
  t: ReturnType<typeof useTranslations<"review">>,
  res: { done: number; skipped: string[] },
) {
  const done = t("bulkDone", { done: res.done });
  return res.skipped.length ? `${done} · ${t("bulkSkipped", { count: res.skipped.length })}` : done;
}

type TErrors = { question?: string; answer?: string };

/** Edit-and-approve: the reviewer's wording replaces the learned one in the knowledge base. */
export function EditApproveDialog({ item, trigger }: { item: TReviewItem; trigger: React.ReactNode }) {
  const t = useTranslations("review");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const refresh = useRefreshReview();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState(item.question);
  const [answer, setAnswer] = useState(item.answer);
  const [errors, setErrors] = useState<TErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const approve = useMutation(trpc.review.approve.mutationOptions({ onSuccess: refresh }));
  const idBase = `review-edit-${item.id}`;

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) {
      setQuestion(item.question);
      setAnswer(item.answer);
    }
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const q = question.trim();
    const a = answer.trim();
    const found: TErrors = {};
    if (!q) found.question = v("required");
    else if (q.length > REVIEW_LIMITS.question)
      found.question = t("tooLong", { max: REVIEW_LIMITS.question });
    if (!a) found.answer = v("required");
    else if (a.length > REVIEW_LIMITS.answer) found.answer = t("tooLong", { max: REVIEW_LIMITS.answer });
    setErrors(found);
    setFormError(null);
    if (found.question || found.answer) {
      document.getElementById(`${idBase}-${found.question ? "question" : "answer"}`)?.focus();
      return;
    }
    try {
      await approve.mutateAsync({ tenantId: tenant.tenantId, id: item.id, question: q, answer: a });
      toast.success(t("approved"));
      setOpen(false);
    } catch (err) {
      const server: TErrors = {};
      const fq = fieldError(err, "question");
      const fa = fieldError(err, "answer");
      if (fq) server.question = fq;
      if (fa) server.answer = fa;
      setErrors(server);
      if (!fq && !fa) setFormError(errorText(err));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{t("editTitle")}</DialogTitle>
          <DialogDescription>{t("editText")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
          <Field id={`${idBase}-question`} label={t("question")} error={errors.question}>
            <Input
              {...fieldProps(`${idBase}-question`, errors.question)}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              autoComplete="off"
              required
            />
          </Field>
          <Field id={`${idBase}-answer`} label={t("answer")} error={errors.answer}>
            <Textarea
              {...fieldProps(`${idBase}-answer`, errors.answer)}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              rows={6}
              className="max-h-[50dvh] min-h-32"
              required
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={approve.isPending}>
              {t("approve")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Reject one item (`item`) or the selection (`ids`), with an optional note. */
export function RejectDialog({
  item,
  ids,
  trigger,
  onDone,
}: {
  item?: TReviewItem;
  ids?: string[];
  trigger: React.ReactNode;
  onDone?: () => void;
}) {
  const t = useTranslations("review");
  const common = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const refresh = useRefreshReview();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reject = useMutation(trpc.review.reject.mutationOptions({ onSuccess: refresh }));
  const bulk = useMutation(trpc.review.bulk.mutationOptions({ onSuccess: refresh }));
  const noteId = `review-reject-${item?.id ?? "bulk"}`;
  const tooLong = note.trim().length > REVIEW_LIMITS.note;

  function onOpenChange(o: boolean) {
    setOpen(o);
    setNote("");
    setError(null);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (tooLong) {
      document.getElementById(noteId)?.focus();
      return;
    }
    setError(null);
    const trimmed = note.trim() || undefined;
    try {
      if (item) {
        await reject.mutateAsync({ tenantId: tenant.tenantId, id: item.id, note: trimmed });
        toast.success(t("rejected"));
      } else if (ids?.length) {
        const res = await bulk.mutateAsync({
          tenantId: tenant.tenantId,
          ids,
          action: "reject",
          note: trimmed,
        });
        toast.success(bulkMessage(t, res));
      }
      setOpen(false);
      onDone?.();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>
            {item ? t("rejectTitle") : t("bulkRejectTitle", { count: ids?.length ?? 0 })}
          </DialogTitle>
          <DialogDescription>{t("rejectText")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <LiveRegion>{error && <Alert variant="destructive">{error}</Alert>}</LiveRegion>
          <Field
            id={noteId}
            label={t("rejectNote")}
            hint={t("rejectNoteHint")}
            error={tooLong ? t("tooLong", { max: REVIEW_LIMITS.note }) : null}
          >
            <Textarea
              {...fieldProps(noteId, tooLong ? "x" : null, true)}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={3}
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" loading={reject.isPending || bulk.isPending}>
              {t("reject")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
