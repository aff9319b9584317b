"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { PresenceDot } from "./badges";
import { PRESENCES, type TMe, type TPresence } from "./types";

/** My presence (who gets transfers, who is counted as available) and my load against my cap. */
export function PresenceMenu({ me }: { me: TMe | undefined }) {
  const t = useTranslations("workbench");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const setPresence = useMutation(
    trpc.workbench.setPresence.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.workbench.me.pathFilter()),
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const presence: TPresence = setPresence.isPending
    ? setPresence.variables.presence
    : (me?.presence ?? "OFFLINE");
  const full = me ? me.active >= me.maxConcurrent : false;

  return (
    <div className="flex min-w-0 items-center gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="outline"
            size="sm"
            disabled={!me}
            aria-label={t("presence.label", { presence: t(`presence.${presence}`) })}
          >
            <PresenceDot presence={presence} />
            {t(`presence.${presence}`)}
            <ChevronDown className="opacity-60" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>{t("presence.title")}</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={presence}
            onValueChange={(v) => setPresence.mutate({ tenantId: tenant.tenantId, presence: v as TPresence })}
          >
            {PRESENCES.map((p) => (
              <DropdownMenuRadioItem key={p} value={p}>
                <PresenceDot presence={p} />
                {t(`presence.${p}`)}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      {me && (
        <span
          className={
            full ? "text-xs font-medium text-destructive-soft-foreground" : "text-xs text-muted-foreground"
          }
          title={t("loadHint")}
        >
          {t("load", { active: me.active, max: me.maxConcurrent })}
        </span>
      )}
    </div>
  );
}
