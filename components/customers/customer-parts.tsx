"use client";

import { Crown, Hand } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TCustomerLevel, TCustomerState } from "./types";

const LEVEL_VARIANT = { WHITE: "success", GRAY: "secondary", BLACK: "destructive" } as const;

/** The effective level; a manual override carries a hand icon and says so to screen readers. */
export function LevelBadge({ level, override }: { level: TCustomerLevel; override?: boolean }) {
  const t = useTranslations("customers");
  return (
    <Badge
      variant={LEVEL_VARIANT[level]}
      data-level={level}
      data-override={override ? "true" : undefined}
      title={override ? t("overrideHint") : undefined}
    >
      {override && <Hand aria-hidden />}
      {t(`levels.${level}`)}
      {override && <span className="sr-only">({t("manual")})</span>}
    </Badge>
  );
}

const STATE_VARIANT = {
  NEW: "outline",
  POTENTIAL: "default",
  DEAL: "success",
  REPURCHASE: "success",
  CHURNED: "warning",
} as const;

export function StateBadge({ state }: { state: TCustomerState }) {
  const t = useTranslations("customers.states");
  return <Badge variant={STATE_VARIANT[state]}>{t(state)}</Badge>;
}

export function VipBadge() {
  const t = useTranslations("customers");
  return (
    <Badge variant="warning">
      <Crown aria-hidden />
      {t("vip")}
    </Badge>
  );
}

/** The contact's name, or its channel id when it has none. */
export function displayName(c: { name: string | null; externalId: string }) {
  return c.name?.trim() || c.externalId;
}
