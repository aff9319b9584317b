"use client";

import { Lock, MessageSquareReply } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type TComposerMode = "reply" | "note";

/** Reply to the customer or write a note only the team sees. */
export function ComposerMode({
  mode,
  canReply,
  onChange,
}: {
  mode: TComposerMode;
  canReply: boolean;
  onChange: (mode: TComposerMode) => void;
}) {
  const t = useTranslations("workbench.composer");
  const options = [
    { value: "reply" as const, label: t("modeReply"), icon: MessageSquareReply, disabled: !canReply },
    { value: "note" as const, label: t("modeNote"), icon: Lock, disabled: false },
  ];
  return (
    <div role="radiogroup" aria-label={t("modeLabel")} className="inline-flex rounded-md bg-muted p-0.5">
      {options.map((o) => {
        const checked = mode === o.value;
        return (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={checked}
            disabled={o.disabled}
            title={o.disabled ? t("takeOverToReply") : undefined}
            onClick={() => onChange(o.value)}
            onKeyDown={(e) => {
              // a radio group moves with the arrow keys; only two options, so any arrow toggles
              if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(e.key)) return;
              e.preventDefault();
              const other = options.find((x) => x.value !== o.value && !x.disabled);
              if (other) {
                onChange(other.value);
                const group = e.currentTarget.parentElement;
                group?.querySelector<HTMLButtonElement>(`[data-mode="${other.value}"]`)?.focus();
              }
            }}
            data-mode={o.value}
            tabIndex={checked ? 0 : -1}
            className={cn(
              "inline-flex h-7 items-center gap-1.5 rounded px-2.5 text-xs font-medium text-muted-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50",
              checked && "bg-card text-foreground shadow-xs",
              checked && o.value === "note" && "text-warning-soft-foreground",
            )}
          >
            <o.icon className="size-3.5" aria-hidden />
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
