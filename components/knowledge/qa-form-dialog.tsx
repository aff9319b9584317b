"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
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
import { QA_LIMITS, type TQaItem } from "./types";

type TField = keyof typeof QA_LIMITS;
type TValues = Record<TField, string>;
type TErrors = Partial<Record<TField, string>>;

const FIELDS: TField[] = ["question", "answer", "topic", "category"];
const valuesOf = (item?: TQaItem): TValues => ({
  question: item?.question ?? "",
  answer: item?.answer ?? "",
  topic: item?.topic ?? "",
  category: item?.category ?? "",
});

/** Creates a Q&A pair, or edits `item`; opened by `trigger`, which gets the focus back on close. */
export function QaFormDialog({ item, trigger }: { item?: TQaItem; trigger: React.ReactNode }) {
  const t = useTranslations("knowledge.form");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<TValues>(() => valuesOf(item));
  const [errors, setErrors] = useState<TErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries(trpc.knowledge.qa.list.pathFilter());
  const create = useMutation(trpc.knowledge.qa.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.knowledge.qa.update.mutationOptions({ onSuccess: refresh }));
  const pending = create.isPending || update.isPending;

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) setValues(valuesOf(item)); // start from the row as it is now
    setErrors({});
    setFormError(null);
  }

  function validate(): TErrors {
    const found: TErrors = {};
    for (const f of FIELDS) {
      const value = values[f].trim();
      if ((f === "question" || f === "answer") && !value) found[f] = v("required");
      else if (value.length > QA_LIMITS[f]) found[f] = t("tooLong", { max: QA_LIMITS[f] });
    }
    return found;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) {
      document.getElementById(`qa-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    const trimmed = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()])) as TValues;
    try {
      if (item) {
        // send only what changed; an emptied topic/category is sent as "" to clear it
        const changed = Object.fromEntries(
          FIELDS.filter((f) => trimmed[f] !== (item[f] ?? "")).map((f) => [f, trimmed[f]]),
        );
        if (Object.keys(changed).length)
          await update.mutateAsync({ tenantId: tenant.tenantId, qaPairId: item.id, ...changed });
        toast.success(t("saved"));
      } else {
        await create.mutateAsync({
          tenantId: tenant.tenantId,
          question: trimmed.question,
          answer: trimmed.answer,
          topic: trimmed.topic || undefined,
          category: trimmed.category || undefined,
        });
        toast.success(t("created"));
      }
      setOpen(false);
    } catch (err) {
      const server: TErrors = {};
      for (const f of FIELDS) {
        const message = fieldError(err, f);
        if (message) server[f] = message;
      }
      setErrors(server);
      if (!Object.keys(server).length) setFormError(errorText(err));
    }
  }

  const set = (f: TField) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((prev) => ({ ...prev, [f]: e.target.value }));

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{item ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{item ? t("editText") : t("createText")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
          <Field id="qa-question" label={t("question")} error={errors.question} hint={t("questionHint")}>
            <Input
              {...fieldProps("qa-question", errors.question, true)}
              value={values.question}
              onChange={set("question")}
              autoComplete="off"
              required
            />
          </Field>
          <Field id="qa-answer" label={t("answer")} error={errors.answer} hint={t("answerHint")}>
            <Textarea
              {...fieldProps("qa-answer", errors.answer, true)}
              value={values.answer}
              onChange={set("answer")}
              rows={6}
              className="max-h-[50dvh] min-h-32"
              required
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="qa-topic" label={t("topic")} error={errors.topic}>
              <Input
                {...fieldProps("qa-topic", errors.topic)}
                value={values.topic}
                onChange={set("topic")}
                placeholder={t("topicPlaceholder")}
                autoComplete="off"
              />
            </Field>
            <Field id="qa-category" label={t("category")} error={errors.category}>
              <Input
                {...fieldProps("qa-category", errors.category)}
                value={values.category}
                onChange={set("category")}
                placeholder={t("categoryPlaceholder")}
                autoComplete="off"
              />
            </Field>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              {item ? t("submitEdit") : t("submitCreate")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
