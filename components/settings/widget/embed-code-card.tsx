"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/common/copy-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type TProps = { publicUrl: string; slug: string; enabled: boolean };

/** What to paste into the shop: the script tag, or the iframe / link URL of the full-page chat. */
export function EmbedCodeCard({ publicUrl, slug, enabled }: TProps) {
  const t = useTranslations("widgetSettings.embed");
  const script = `<script src="${publicUrl}/widget.js" data-tenant="${slug}" async></script>`;
  const iframeUrl = `${publicUrl}/widget/chat/${slug}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {!enabled && <Alert variant="warning">{t("disabled")}</Alert>}
        <Snippet label={t("script")} value={script} copyLabel={t("copyScript")} testId="embed-script" />
        <Snippet
          label={t("iframe")}
          hint={t("iframeHint")}
          value={iframeUrl}
          copyLabel={t("copyUrl")}
          testId="embed-iframe"
        />
        <p className="text-[13px] text-muted-foreground">{t("api")}</p>
      </CardContent>
    </Card>
  );
}

function Snippet(p: { label: string; hint?: string; value: string; copyLabel: string; testId: string }) {
  return (
    <div className="grid gap-2">
      <p className="text-[13px] leading-none font-medium">{p.label}</p>
      {p.hint && <p className="text-[13px] text-muted-foreground">{p.hint}</p>}
      <pre
        data-testid={p.testId}
        tabIndex={0}
        aria-label={p.label}
        className="overflow-x-auto rounded-lg border bg-muted/60 px-3 py-2.5 font-mono text-[12px] leading-relaxed break-all whitespace-pre-wrap outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {p.value}
      </pre>
      <div>
        <CopyButton value={p.value} label={p.copyLabel} />
      </div>
    </div>
  );
}
