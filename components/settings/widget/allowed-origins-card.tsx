"use client";

import { Globe, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { normaliseOrigin } from "@/server/services/widget/origin-format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const MAX_ORIGINS = 50;

type TProps = { origins: string[]; error?: string; onChange: (origins: string[]) => void };

/** The sites allowed to embed the widget (CORS allow-list); an empty list means any site. */
export function AllowedOriginsCard({ origins, error, onChange }: TProps) {
  const t = useTranslations("widgetSettings.origins");
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const normalised = normaliseOrigin(draft.trim());

  function add() {
    const text = draft.trim();
    if (!text) return;
    const origin = normaliseOrigin(text);
    if (!origin) return setProblem(t("invalid"));
    if (origins.includes(origin)) return setProblem(t("duplicate"));
    if (origins.length >= MAX_ORIGINS) return setProblem(t("limit", { max: MAX_ORIGINS }));
    onChange([...origins, origin]);
    setDraft("");
    setProblem(null);
  }

  const shownError = problem ?? error ?? null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {origins.length === 0 ? (
          <Alert variant="warning" title={t("emptyTitle")}>
            {t("empty")}
          </Alert>
        ) : (
          <ul className="grid gap-2" aria-label={t("listLabel")}>
            {origins.map((origin) => (
              <li
                key={origin}
                className="flex min-w-0 items-center gap-2 rounded-lg border bg-muted/40 py-1 pr-1 pl-3"
              >
                <Globe className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                <span className="min-w-0 flex-1 truncate font-mono text-[13px]">{origin}</span>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon-sm"
                  aria-label={t("remove", { origin })}
                  onClick={() => onChange(origins.filter((o) => o !== origin))}
                >
                  <X aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Field
          id="widget-origin"
          label={t("label")}
          error={shownError}
          hint={
            normalised && normalised !== draft.trim() ? t("normalised", { origin: normalised }) : t("hint")
          }
        >
          <div className="flex gap-2">
            <Input
              {...fieldProps("widget-origin", shownError, true)}
              value={draft}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://shop.example.com"
              onChange={(e) => (setDraft(e.target.value), setProblem(null))}
              onKeyDown={(e) => {
                // Enter adds the origin instead of submitting the whole settings form
                if (e.key !== "Enter") return;
                e.preventDefault();
                add();
              }}
            />
            <Button type="button" variant="outline" onClick={add} disabled={!draft.trim()}>
              <Plus aria-hidden />
              {t("add")}
            </Button>
          </div>
        </Field>
      </CardContent>
    </Card>
  );
}
