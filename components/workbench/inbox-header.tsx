"use client";

import { Bell, BellOff, BellRing, Volume2, VolumeX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useLive } from "./live-provider";
import { PresenceMenu } from "./presence-menu";
import type { TMe } from "./types";
import { useNotificationPermission, useSoundPreference } from "./waiting-alerts";

export function InboxHeader({ me }: { me: TMe | undefined }) {
  const t = useTranslations("workbench");
  return (
    <div className="grid gap-2 border-b px-3 pt-3 pb-2">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-lg leading-tight font-semibold tracking-tight">{t("title")}</h1>
        <LiveIndicator />
      </div>
      <div className="flex items-center justify-between gap-2">
        <PresenceMenu me={me} />
        <div className="flex items-center">
          <SoundToggle />
          <NotificationButton />
        </div>
      </div>
    </div>
  );
}

function LiveIndicator() {
  const t = useTranslations("workbench.live");
  const { state } = useLive();
  const tone =
    state === "live"
      ? "bg-success"
      : state === "denied"
        ? "bg-destructive"
        : "animate-pulse bg-amber-500 motion-reduce:animate-none";
  return (
    <span
      role="status"
      className="inline-flex items-center gap-1.5 text-xs text-muted-foreground"
      title={t(`${state}Hint`)}
      data-live-state={state}
    >
      <span aria-hidden className={cn("size-2 rounded-full", tone)} />
      {t(state)}
    </span>
  );
}

function SoundToggle() {
  const t = useTranslations("workbench.alerts");
  const [on, setOn] = useSoundPreference();
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      aria-pressed={on}
      aria-label={t("sound")}
      title={on ? t("soundOn") : t("soundOff")}
      onClick={() => setOn(!on)}
    >
      {on ? <Volume2 aria-hidden /> : <VolumeX aria-hidden />}
    </Button>
  );
}

function NotificationButton() {
  const t = useTranslations("workbench.alerts");
  const [permission, request] = useNotificationPermission();
  if (permission === "unsupported") return null;
  if (permission === "granted")
    return (
      <span
        className="inline-flex size-8 items-center justify-center text-muted-foreground"
        title={t("notifyOn")}
      >
        <BellRing className="size-4" aria-hidden />
        <span className="sr-only">{t("notifyOn")}</span>
      </span>
    );
  if (permission === "denied")
    return (
      <span
        className="inline-flex size-8 items-center justify-center text-muted-foreground"
        title={t("notifyBlocked")}
      >
        <BellOff className="size-4" aria-hidden />
        <span className="sr-only">{t("notifyBlocked")}</span>
      </span>
    );
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      aria-label={t("notifyEnable")}
      title={t("notifyEnable")}
      onClick={request}
    >
      <Bell aria-hidden />
    </Button>
  );
}
