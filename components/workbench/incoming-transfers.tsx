"use client";

import { ArrowRightLeft } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import type { TMe } from "./types";

/** Transfers offered to me, above the list so they are seen whatever view is open. */
export function IncomingTransfers({ transfers }: { transfers: TMe["incomingTransfers"] }) {
  const t = useTranslations("workbench.transfer");
  const tenant = useTenant();
  return (
    <ul aria-label={t("incomingLabel")} className="grid gap-1 border-b bg-primary-soft/60 px-3 py-2">
      {transfers.map((tr) => (
        <li key={tr.id}>
          <Link
            href={`/t/${tenant.slug}/inbox/${tr.conversationId}`}
            className="flex items-start gap-2 rounded-md p-1 text-[13px] text-primary-soft-foreground outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            <ArrowRightLeft className="mt-0.5 size-3.5 shrink-0" aria-hidden />
            <span className="min-w-0">
              {t("incoming", { name: tr.fromName })}
              {tr.note && <span className="block truncate text-muted-foreground">“{tr.note}”</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
