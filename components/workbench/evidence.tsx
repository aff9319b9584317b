"use client";

import { ChevronRight, FileText, MessageSquareText } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TEvidence } from "./types";

/** The knowledge a bot answer was built from, folded away until the agent wants to check it. */
export function Evidence({ items }: { items: TEvidence[] }) {
  const t = useTranslations("workbench.message");
  return (
    <details className="group max-w-full text-right">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded outline-none select-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-3.5 transition-transform group-open:rotate-90" aria-hidden />
        {t("evidence", { count: items.length })}
      </summary>
      <ul className="mt-1 grid gap-1 text-left">
        {items.map((e) => {
          const Icon = e.kind === "qa" ? MessageSquareText : FileText;
          return (
            <li
              key={e.id}
              className="flex items-start gap-1.5 rounded-md bg-muted px-2 py-1 text-foreground/80"
            >
              <Icon
                className="mt-px size-3.5 shrink-0 text-muted-foreground"
                aria-label={t(`evidenceKind.${e.kind}`)}
              />
              <span className="min-w-0 break-words">{e.title}</span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
