"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BookText, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, fieldProps } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useTermProblemText } from "./term-problems";
import { parseTerms, TERM_MAX } from "./parse-terms";
import { useReindexWatch } from "./reindex-watch";

/** Words the segmenter keeps whole (充电桩, 7kW…): list, add several at once, remove. */
export function DictionaryCard() {
  const t = useTranslations("knowledge.settings.dictionary");
  const tenant = useTenant();
  const trpc = useTRPC();
  const lexicon = useQuery(trpc.knowledge.lexicon.get.queryOptions({ tenantId: tenant.tenantId }));
  const canWrite = tenant.can("kb.write");
  const terms = lexicon.data?.dictionary ?? [];

  return (
    <Card aria-labelledby="dictionary-title">
      <CardHeader>
        <CardTitle id="dictionary-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {canWrite && <AddTermsForm />}
        {lexicon.isError ? (
          <QueryError error={lexicon.error} onRetry={() => lexicon.refetch()} />
        ) : lexicon.isPending ? (
          <div className="flex flex-wrap gap-2" aria-busy aria-label={t("loading")}>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-7 w-20 rounded-full" />
            ))}
          </div>
        ) : terms.length === 0 ? (
          <EmptyState
            icon={BookText}
            title={t("empty")}
            description={canWrite ? t("emptyText") : undefined}
            className="py-6"
          />
        ) : (
          <div className="grid gap-2">
            <p className="text-[13px] text-muted-foreground">{t("count", { count: terms.length })}</p>
            <ul className="flex flex-wrap gap-2" aria-label={t("listLabel")}>
              {terms.map((term) => (
                <li key={term.id}>
                  <TermChip id={term.id} term={term.term} canWrite={canWrite} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function AddTermsForm() {
  const t = useTranslations("knowledge.settings.dictionary");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const problemText = useTermProblemText();
  const { watch } = useReindexWatch();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(
    trpc.knowledge.lexicon.addTerms.mutationOptions({
      onSuccess: () => {
        watch();
        return qc.invalidateQueries(trpc.knowledge.lexicon.get.queryFilter());
      },
    }),
  );

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const { terms, problems } = parseTerms(draft);
    const found = problems.length ? problems.map(problemText).join(" ") : terms.length ? null : t("required");
    setError(found);
    if (found) return document.getElementById("dictionary-terms")?.focus();
    try {
      const res = await add.mutateAsync({ tenantId: tenant.tenantId, terms });
      setDraft("");
      toast.success(res.added ? t("added", { count: res.added }) : t("addedNone"));
    } catch (err) {
      const message = fieldError(err, "terms") ?? null;
      setError(message);
      if (!message) toast.error(errorText(err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <Field id="dictionary-terms" label={t("addLabel")} hint={t("addHint", { max: TERM_MAX })} error={error}>
        <Textarea
          {...fieldProps("dictionary-terms", error, true)}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t("placeholder")}
          rows={3}
          className="min-h-0 resize-y"
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={add.isPending} disabled={!draft.trim()} className="w-full sm:w-auto">
          {!add.isPending && <Plus aria-hidden />}
          {t("add")}
        </Button>
      </div>
    </form>
  );
}

function TermChip({ id, term, canWrite }: { id: string; term: string; canWrite: boolean }) {
  const t = useTranslations("knowledge.settings.dictionary");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const { watch } = useReindexWatch();
  const remove = useMutation(
    trpc.knowledge.lexicon.removeTerm.mutationOptions({
      onSuccess: () => {
        watch();
        toast.success(t("removed", { term }));
        return qc.invalidateQueries(trpc.knowledge.lexicon.get.queryFilter());
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  return (
    <span className="inline-flex h-8 items-center gap-1 rounded-full border bg-muted/40 pr-1 pl-3 text-sm">
      <span className="break-all">{term}</span>
      {canWrite && (
        <button
          type="button"
          onClick={() => remove.mutate({ tenantId: tenant.tenantId, termId: id })}
          disabled={remove.isPending}
          aria-label={t("remove", { term })}
          className="flex size-6 items-center justify-center rounded-full text-muted-foreground outline-none hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring disabled:opacity-50"
        >
          <X className="size-3.5" aria-hidden />
        </button>
      )}
    </span>
  );
}
