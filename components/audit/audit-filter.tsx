"use client";

import { useTranslations } from "next-intl";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { AUDIT_ACTIONS } from "./audit-actions";

const ALL = "all";

export function AuditFilter({ value, onChange }: { value: string; onChange: (action: string) => void }) {
  const t = useTranslations("audit");
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor="audit-action" className="shrink-0 text-muted-foreground">
        {t("filter")}
      </Label>
      <Select value={value || ALL} onValueChange={(v) => onChange(v === ALL ? "" : v)}>
        <SelectTrigger id="audit-action" className="w-56">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>{t("allActions")}</SelectItem>
          {AUDIT_ACTIONS.map((a) => (
            <SelectItem key={a} value={a}>
              {t(`actions.${a}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
