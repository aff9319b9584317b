"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { toast } from "@/components/ui/toast";
import { AllowedOriginsCard } from "./allowed-origins-card";
import { AppearanceCard } from "./appearance-card";
import { EmbedCodeCard } from "./embed-code-card";
import { TextsCard } from "./texts-card";
import { WidgetPreview } from "./widget-preview";
import { isHexColor, WIDGET_LANGUAGES, type TWidgetSettings, type TWidgetView } from "./widget-types";

export type TWidgetErrors = Partial<Record<"color" | "title" | "welcome" | "allowedOrigins", string>>;

/** One form over several cards; the preview beside it follows every keystroke before saving. */
export function WidgetSettingsForm({ view }: { view: TWidgetView }) {
  const t = useTranslations("widgetSettings");
  const v = useTranslations("validation");
  const c = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [value, setValue] = useState<TWidgetSettings>(view.settings);
  const [errors, setErrors] = useState<TWidgetErrors>({});
  const update = useMutation(
    trpc.widgetSettings.update.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.widgetSettings.get.queryFilter()),
    }),
  );
  const set = (patch: Partial<TWidgetSettings>) => setValue((x) => ({ ...x, ...patch }));
  const dirty = JSON.stringify(value) !== JSON.stringify(view.settings);
  const blank = (texts: Record<string, string>) => WIDGET_LANGUAGES.some((l) => !texts[l]?.trim());

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const local: TWidgetErrors = {
      color: isHexColor(value.color) ? undefined : t("appearance.colorInvalid"),
      title: blank(value.title) ? v("required") : undefined,
      welcome: blank(value.welcome) ? v("required") : undefined,
    };
    setErrors(local);
    if (Object.values(local).some(Boolean)) return;
    try {
      await update.mutateAsync({ tenantId: tenant.tenantId, ...value });
      toast.success(t("saved"));
    } catch (err) {
      const next: TWidgetErrors = {};
      for (const k of ["color", "title", "welcome", "allowedOrigins"] as const)
        next[k] = fieldError(err, k) ?? undefined;
      setErrors(next);
      if (!Object.values(next).some(Boolean)) toast.error(errorText(err));
    }
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,400px)] lg:items-start">
      <form onSubmit={onSubmit} noValidate aria-label={t("formLabel")} className="grid min-w-0 gap-6">
        <AppearanceCard value={value} errors={errors} onChange={set} />
        <TextsCard value={value} errors={errors} onChange={set} />
        <AllowedOriginsCard
          origins={value.allowedOrigins}
          error={errors.allowedOrigins}
          onChange={(allowedOrigins) => set({ allowedOrigins })}
        />
        {/* pinned to the bottom of the screen only while there is something to save */}
        <div
          className={cn(
            "flex flex-wrap items-center justify-end gap-3 rounded-xl border bg-card/95 px-4 py-3 shadow-sm backdrop-blur",
            dirty && "sticky bottom-3 z-10",
          )}
        >
          <p className="mr-auto min-w-0 flex-1 basis-48 text-[13px] text-muted-foreground" aria-live="polite">
            {dirty ? t("unsaved") : t("upToDate")}
          </p>
          <Button
            type="button"
            variant="ghost"
            disabled={!dirty || update.isPending}
            onClick={() => (setValue(view.settings), setErrors({}))}
          >
            {c("reset")}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!dirty}>
            {c("save")}
          </Button>
        </div>
      </form>
      <div className="grid min-w-0 gap-6 lg:sticky lg:top-6">
        <WidgetPreview settings={value} />
        <EmbedCodeCard publicUrl={view.publicUrl} slug={tenant.slug} enabled={view.settings.enabled} />
      </div>
    </div>
  );
}
