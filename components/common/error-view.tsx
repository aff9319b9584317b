"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** The body of error.tsx boundaries: a calm explanation, the reference id, retry and a way home. */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  useEffect(() => console.error(error), [error]);
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-20">
      <div className="grid max-w-md justify-items-center gap-3 text-center">
        <span className="flex size-11 items-center justify-center rounded-full bg-destructive-soft text-destructive-soft-foreground">
          <TriangleAlert className="size-5" aria-hidden />
        </span>
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("text")}</p>
        {digest && (
          <p className="font-mono text-xs text-muted-foreground">{t("reference", { id: digest })}</p>
        )}
        <div className="mt-3 flex flex-wrap justify-center gap-2">
          <Button onClick={retry}>
            <RotateCw aria-hidden />
            {t("retry")}
          </Button>
          <Button asChild variant="outline">
            <Link href="/">{t("home")}</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}
