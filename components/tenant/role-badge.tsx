"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export type TRole = "OWNER" | "ADMIN" | "AGENT" | "REVIEWER" | "VIEWER";
export const ROLES: TRole[] = ["OWNER", "ADMIN", "AGENT", "REVIEWER", "VIEWER"];

export function RoleBadge({ role, className }: { role: TRole; className?: string }) {
  const t = useTranslations("roles");
  return (
    <Badge
      variant={role === "OWNER" ? "default" : role === "ADMIN" ? "outline" : "secondary"}
      className={className}
    >
      {t(role)}
    </Badge>
  );
}
