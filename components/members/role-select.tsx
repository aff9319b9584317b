"use client";

import { useTranslations } from "next-intl";
import type { TRole } from "@/components/tenant/role-badge";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export function RoleSelect({
  id,
  value,
  roles,
  onChange,
  disabled,
  className,
  ariaLabel,
}: {
  id?: string;
  value: TRole;
  roles: TRole[];
  onChange: (role: TRole) => void;
  disabled?: boolean;
  className?: string;
  ariaLabel?: string;
}) {
  const t = useTranslations("roles");
  const d = useTranslations("roleDescriptions");
  return (
    <Select value={value} onValueChange={(v) => onChange(v as TRole)} disabled={disabled}>
      <SelectTrigger id={id} className={className} aria-label={ariaLabel}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent position="popper" className="w-72">
        {roles.map((r) => (
          <SelectItem key={r} value={r} description={d(r)} className="items-start py-2">
            {t(r)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
