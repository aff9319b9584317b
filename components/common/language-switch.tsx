"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Button } from "@/components/ui/button";
import { LANGUAGE_NAMES } from "./language-names";
import { useSwitchLocale } from "./use-switch-locale";

/** The language picker on pages without the app shell (sign-in, sign-up, invitations). */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations("common");
  const { switchTo, pending } = useSwitchLocale();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("language")} loading={pending}>
          {!pending && <Languages aria-hidden />}
          {LANGUAGE_NAMES[locale] ?? locale}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-[9rem]">
        <DropdownMenuRadioGroup value={locale} onValueChange={switchTo}>
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <DropdownMenuRadioItem key={code} value={code} lang={code}>
              {name}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
