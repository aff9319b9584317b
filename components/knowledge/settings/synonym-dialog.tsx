"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
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
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { parseTerms, SYNONYMS_MAX, TERM_MAX } from "./parse-terms";
import { useReindexWatch } from "./reindex-watch";
import { useTermProblemText } from "./term-problems";

/** Creates a synonym group, or edits `group`; the words are typed as a comma list or one per line. */
export function SynonymDialog({
  group,
  trigger,
}: {
  group?: { id: string; terms: string[] };
  trigger: React.ReactNode;
}) {
  const t = useTranslations("knowledge.settings.synonyms");
  const common = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const problemText = useTermProblemText();
  const { watch } = useReindexWatch();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.knowledge.lexicon.saveSynonyms.mutationOptions({
      onSuccess: () => {
        watch();
        return qc.invalidateQueries(trpc.knowledge.lexicon.get.queryFilter());
      },
    }),
  );
  const parsed = parseTerms(draft, SYNONYMS_MAX);

  function onOpenChange(next: boolean) {
    if (next) {
      setDraft(group ? group.terms.join(", ") : "");
      setError(null);
    }
    setOpen(next);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const found = parsed.problems.length
      ? parsed.problems.map(problemText).join(" ")
      : parsed.terms.length < 2
        ? t("atLeastTwo")
        : null;
    setError(found);
    if (found) return document.getElementById("synonym-terms")?.focus();
    try {
      await save.mutateAsync({
        tenantId: tenant.tenantId,
        terms: parsed.terms,
        ...(group ? { synonymGroupId: group.id } : {}),
      });
      toast.success(group ? t("saved") : t("created"));
      setOpen(false);
    } catch (err) {
      const message = fieldError(err, "terms");
      setError(message);
      if (!message) toast.error(errorText(err));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{group ? t("editTitle") : t("createTitle")}</DialogTitle>
            <DialogDescription>{t("dialogText")}</DialogDescription>
          </DialogHeader>
          <Field
            id="synonym-terms"
            label={t("termsLabel")}
            hint={t("termsHint", { max: TERM_MAX })}
            error={error}
          >
            <Textarea
              {...fieldProps("synonym-terms", error, true)}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder={t("placeholder")}
              rows={3}
              className="min-h-0 resize-y"
              autoFocus
            />
          </Field>
          {parsed.terms.length > 0 && (
            <div className="grid gap-1.5">
              <p className="text-[13px] text-muted-foreground">{t("preview")}</p>
              <ul className="flex flex-wrap items-center gap-1.5" aria-label={t("preview")}>
                {parsed.terms.map((term) => (
                  <li key={term}>
                    <Badge variant="outline" className="text-[13px] font-normal">
                      {term}
                    </Badge>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={save.isPending}>
              {group ? t("save") : t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
