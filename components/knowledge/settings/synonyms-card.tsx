"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Equal, Pencil, Plus, Trash2, Waypoints } from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { useReindexWatch } from "./reindex-watch";
import { SynonymDialog } from "./synonym-dialog";

/** Synonym groups (充电桩 = 充电器 = 充电机): list, add, edit, delete. */
export function SynonymsCard() {
  const t = useTranslations("knowledge.settings.synonyms");
  const tenant = useTenant();
  const trpc = useTRPC();
  const lexicon = useQuery(trpc.knowledge.lexicon.get.queryOptions({ tenantId: tenant.tenantId }));
  const canWrite = tenant.can("kb.write");
  const groups = lexicon.data?.synonyms ?? [];
  const addButton = canWrite && (
    <SynonymDialog
      trigger={
        <Button variant="outline" className="w-full sm:w-auto">
          <Plus aria-hidden />
          {t("add")}
        </Button>
      }
    />
  );

  return (
    <Card aria-labelledby="synonyms-title">
      <CardHeader className="sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <div className="grid gap-1">
          <CardTitle id="synonyms-title">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {groups.length > 0 && <div className="mt-3 sm:mt-0">{addButton}</div>}
      </CardHeader>
      <CardContent>
        {lexicon.isError ? (
          <QueryError error={lexicon.error} onRetry={() => lexicon.refetch()} />
        ) : lexicon.isPending ? (
          <div className="grid gap-2" aria-busy aria-label={t("loading")}>
            {[0, 1].map((i) => (
              <Skeleton key={i} className="h-12 w-full rounded-lg" />
            ))}
          </div>
        ) : groups.length === 0 ? (
          <EmptyState
            icon={Waypoints}
            title={t("empty")}
            description={canWrite ? t("emptyText") : undefined}
            action={addButton}
            className="py-6"
          />
        ) : (
          <ul className="grid gap-2" aria-label={t("listLabel")}>
            {groups.map((g) => (
              <li
                key={g.id}
                className="flex flex-col gap-2 rounded-lg border px-3 py-2.5 sm:flex-row sm:items-center sm:justify-between"
              >
                <p
                  className="flex flex-wrap items-center gap-1"
                  aria-label={t("groupLabel", { terms: g.terms.join(" = ") })}
                >
                  {g.terms.map((term, i) => (
                    <Fragment key={term}>
                      {i > 0 && <Equal className="size-3.5 text-muted-foreground" aria-hidden />}
                      <Badge variant="outline" className="text-[13px] font-normal" aria-hidden>
                        {term}
                      </Badge>
                    </Fragment>
                  ))}
                </p>
                {canWrite && <GroupActions group={g} />}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function GroupActions({ group }: { group: { id: string; terms: string[] } }) {
  const t = useTranslations("knowledge.settings.synonyms");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const { watch } = useReindexWatch();
  const label = group.terms.join(" = ");
  const remove = useMutation(
    trpc.knowledge.lexicon.deleteSynonyms.mutationOptions({
      onSuccess: () => {
        watch();
        toast.success(t("deleted"));
        return qc.invalidateQueries(trpc.knowledge.lexicon.get.queryFilter());
      },
      onError: (err) => toast.error(errorText(err)),
    }),
  );
  return (
    <div className="flex shrink-0 justify-end gap-1">
      <SynonymDialog
        group={group}
        trigger={
          <Button variant="ghost" size="icon-sm" aria-label={t("edit", { terms: label })}>
            <Pencil aria-hidden />
          </Button>
        }
      />
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="icon-sm" aria-label={t("delete", { terms: label })}>
            <Trash2 aria-hidden />
          </Button>
        }
        title={t("deleteTitle")}
        description={t("deleteText", { terms: label })}
        confirmLabel={t("deleteConfirm")}
        onConfirm={() => remove.mutateAsync({ tenantId: tenant.tenantId, synonymGroupId: group.id })}
      />
    </div>
  );
}
