"use client";

import { CircleCheck, Clock, Ban, SearchX } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

const ICONS = { expired: Clock, revoked: Ban, accepted: CircleCheck, notFound: SearchX };

/** The dead ends of an invitation link: expired, revoked, already used or unknown. */
export function InviteStatus({ status }: { status: keyof typeof ICONS }) {
  const t = useTranslations("invite");
  const Icon = ICONS[status];
  return (
    <div className="grid justify-items-start gap-3">
      <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Icon className="size-5" aria-hidden />
      </span>
      <h1 className="text-[22px] leading-tight font-semibold tracking-tight">{t(`${status}.title`)}</h1>
      <p className="text-muted-foreground">{t(`${status}.text`)}</p>
      <Button asChild variant="outline" className="mt-3">
        <Link href="/">{t("goHome")}</Link>
      </Button>
    </div>
  );
}
