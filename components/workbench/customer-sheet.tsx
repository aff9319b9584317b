"use client";

import { UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { CustomerPanel } from "./customer-panel";

/** Below xl the customer panel does not fit beside the conversation; it opens as a sheet from the right. */
export function CustomerSheet({ conversationId }: { conversationId: string }) {
  const t = useTranslations("workbench.customer");
  const common = useTranslations("common");
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button
          variant="outline"
          size="icon-sm"
          className="xl:hidden"
          aria-label={t("open")}
          title={t("open")}
        >
          <UserRound aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent
        closeLabel={common("close")}
        className="right-0 left-auto w-80 overflow-y-auto border-r-0 border-l bg-card data-[state=open]:animate-fade-in"
      >
        <SheetTitle className="px-4 pt-4 text-base font-semibold">{t("title")}</SheetTitle>
        <SheetDescription className="sr-only">{t("description")}</SheetDescription>
        <CustomerPanel conversationId={conversationId} />
      </SheetContent>
    </Sheet>
  );
}
