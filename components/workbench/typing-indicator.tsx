"use client";

import { useTranslations } from "next-intl";
import { useLive } from "./live-provider";

/** "客户正在输入…" while the customer types (from the widget's typing events). */
export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const t = useTranslations("workbench");
  const { isCustomerTyping } = useLive();
  const on = isCustomerTyping(conversationId);
  return (
    <div aria-live="polite" className="h-5 shrink-0 px-4 text-xs text-muted-foreground">
      {on && (
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-flex gap-0.5">
            {[0, 150, 300].map((delay) => (
              <span
                key={delay}
                className="size-1 animate-bounce rounded-full bg-muted-foreground motion-reduce:animate-none"
                style={{ animationDelay: `${delay}ms` }}
              />
            ))}
          </span>
          {t("customerTyping")}
        </span>
      )}
    </div>
  );
}
