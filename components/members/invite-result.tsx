"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/common/copy-button";
import { Alert } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** After inviting: the link (always, SMTP or not) and whether an email went out. */
export function InviteResult({
  email,
  link,
  emailQueued,
}: {
  email: string;
  link: string;
  emailQueued: boolean;
}) {
  const t = useTranslations("members.invite");
  return (
    <div className="grid gap-4">
      <Alert
        variant={emailQueued ? "success" : "warning"}
        live
        title={emailQueued ? t("emailSentTitle") : t("noEmailTitle")}
      >
        {emailQueued ? t("emailSent", { email }) : t("noEmail", { email })}
      </Alert>
      <div className="grid gap-1.5">
        <Label htmlFor="invite-link">{t("link")}</Label>
        <div className="flex gap-2">
          <Input
            id="invite-link"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-[13px]"
          />
          <CopyButton value={link} />
        </div>
        <p className="text-[13px] text-muted-foreground">{t("linkHint")}</p>
      </div>
    </div>
  );
}
