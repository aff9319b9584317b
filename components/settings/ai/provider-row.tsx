"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Pencil, PlugZap, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LiveRegion } from "@/components/ui/live-region";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { ProviderDialog } from "./provider-dialog";
import { DEFAULT_BASE_URLS, KIND_LABELS, type TProvider, type TTestResult } from "./provider-kinds";
import { TestResult } from "./test-result";

export function ProviderRow({
  provider: p,
  index,
  count,
  onMove,
  moving,
}: {
  provider: TProvider;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  moving: boolean;
}) {
  const t = useTranslations("aiSettings.row");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [result, setResult] = useState<TTestResult | null>(null);
  const refresh = () => qc.invalidateQueries(trpc.aiProviders.list.queryFilter());
  const onError = (e: unknown) => toast.error(errorText(e));
  const setEnabled = useMutation(
    trpc.aiProviders.setEnabled.mutationOptions({ onSuccess: refresh, onError }),
  );
  const remove = useMutation(
    trpc.aiProviders.delete.mutationOptions({
      onSuccess: () => (toast.success(t("deleted")), refresh()),
      onError,
    }),
  );
  const test = useMutation(
    trpc.aiProviders.testConnection.mutationOptions({
      onSuccess: (r) => (setResult(r), refresh()),
      onError,
    }),
  );
  const ids = { tenantId: tenant.tenantId, providerId: p.id };
  const coolingDown = p.cooldownUntil && p.cooldownUntil > new Date();
  const price = (n: number) => format.number(n, { maximumFractionDigits: 4 });

  return (
    <li className={cn("grid gap-3 px-5 py-4 sm:px-6", !p.enabled && "bg-muted/40")}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <span
          className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold tabular-nums"
          aria-label={t("position", { n: index + 1 })}
        >
          {index + 1}
        </span>
        <div className="grid min-w-0 flex-1 basis-56 gap-1">
          <span className="flex flex-wrap items-center gap-2">
            <span className="truncate font-medium">{p.name}</span>
            {!p.enabled && <Badge variant="secondary">{t("disabled")}</Badge>}
            {coolingDown && <Badge variant="warning">{t("coolingDown")}</Badge>}
          </span>
          <span className="text-[13px] text-muted-foreground">
            {KIND_LABELS[p.kind]} · <code className="font-mono">{p.model}</code>
            {p.embeddingDim ? ` · ${t("dim", { dim: p.embeddingDim })}` : ""}
          </span>
          <span className="truncate font-mono text-xs text-muted-foreground">
            {p.baseUrl ?? DEFAULT_BASE_URLS[p.kind]}
          </span>
          <span className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
            <span>
              {p.hasKey ? (p.keyLast4 ? t("key", { last4: p.keyLast4 }) : t("keySet")) : t("noKey")}
            </span>
            <span>{t("price", { input: price(p.inputPricePerM), output: price(p.outputPricePerM) })}</span>
            <span>{t("timeout", { s: p.timeoutMs / 1000 })}</span>
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("moveUp", { name: p.name })}
            disabled={index === 0 || moving}
            onClick={() => onMove(index, index - 1)}
          >
            <ArrowUp aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("moveDown", { name: p.name })}
            disabled={index === count - 1 || moving}
            onClick={() => onMove(index, index + 1)}
          >
            <ArrowDown aria-hidden />
          </Button>
          <Switch
            className="mx-1.5"
            checked={p.enabled}
            disabled={setEnabled.isPending}
            aria-label={t("enabledFor", { name: p.name })}
            onCheckedChange={(enabled) => setEnabled.mutate({ ...ids, enabled })}
          />
          <Button
            variant="outline"
            size="sm"
            loading={test.isPending}
            aria-label={t("testFor", { name: p.name })}
            onClick={() => test.mutate(ids)}
          >
            {!test.isPending && <PlugZap aria-hidden />}
            <span className="hidden sm:inline">{t("test")}</span>
          </Button>
          <ProviderDialog
            purpose={p.purpose}
            provider={p}
            trigger={
              <Button variant="ghost" size="icon-sm" aria-label={t("edit", { name: p.name })}>
                <Pencil aria-hidden />
              </Button>
            }
          />
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="icon-sm" aria-label={t("delete", { name: p.name })}>
                <Trash2 aria-hidden />
              </Button>
            }
            title={t("deleteTitle", { name: p.name })}
            description={t("deleteText")}
            confirmLabel={t("deleteConfirm")}
            onConfirm={() => remove.mutateAsync(ids)}
          />
        </div>
      </div>
      <LiveRegion>{result && <TestResult result={result} />}</LiveRegion>
      {!result && p.lastError && (
        <p className="text-xs break-words text-destructive-soft-foreground">
          {t("lastError", { error: p.lastError })}
        </p>
      )}
    </li>
  );
}
