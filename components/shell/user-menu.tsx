"use client";

import { useQuery } from "@tanstack/react-query";
import { LogOut, Monitor, Moon, Sun } from "lucide-react";
import { signOut, useSession } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { LANGUAGE_NAMES } from "@/components/common/language-names";
import { useSwitchLocale } from "@/components/common/use-switch-locale";
import { useTRPC } from "@/components/providers/trpc";
import { useTheme } from "@/components/theme/use-theme";
import type { TTheme } from "@/components/theme/theme";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

const THEMES: { value: TTheme; icon: typeof Sun }[] = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
];

/** Account menu: who is signed in, language, theme, sign out. `compact` shows only the avatar. */
export function UserMenu({ compact }: { compact?: boolean }) {
  const t = useTranslations("userMenu");
  const locale = useLocale();
  const { switchTo } = useSwitchLocale();
  const { theme, setTheme } = useTheme();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const session = useSession();
  const name = me.data?.user.name ?? session.data?.user?.name ?? "";
  const email = me.data?.user.email ?? session.data?.user?.email ?? "";

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={t("open")}
        className={cn(
          "flex items-center gap-2.5 rounded-lg text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent",
          compact ? "p-1" : "w-full p-1.5",
        )}
      >
        <Avatar name={name || email || "?"} />
        {!compact && (
          <span className="grid min-w-0 flex-1 leading-tight">
            <span className="truncate font-medium">{name}</span>
            <span className="truncate text-xs text-muted-foreground">{email}</span>
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align={compact ? "end" : "start"}
        side={compact ? "bottom" : "top"}
        className="w-60"
      >
        <div className="px-2 py-1.5">
          <p className="truncate font-medium">{name}</p>
          <p className="truncate text-xs text-muted-foreground">{email}</p>
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("language")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={switchTo}>
          {Object.entries(LANGUAGE_NAMES).map(([code, label]) => (
            <DropdownMenuRadioItem key={code} value={code} lang={code}>
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>{t("theme")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={(v) => setTheme(v as TTheme)}>
          {THEMES.map(({ value, icon: Icon }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon aria-hidden />
              {t(`themes.${value}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut({ callbackUrl: "/login" })}>
          <LogOut aria-hidden />
          {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
