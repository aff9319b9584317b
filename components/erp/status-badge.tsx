"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TSyncRun } from "./types";

const VARIANT = { RUNNING: "warning", SUCCEEDED: "success", FAILED: "destructive" } as const;

export function StatusBadge({ status }: { status: TSyncRun["status"] }) {
  const t = useTranslations("erp.status");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}
