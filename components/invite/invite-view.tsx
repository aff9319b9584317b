"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { signOut, useSession } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { parseError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { RoleBadge } from "@/components/tenant/role-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { InviteNewUserForm } from "./invite-new-user-form";
import { InviteStatus } from "./invite-status";
import { LiveRegion } from "@/components/ui/live-region";

export function InviteView({ token }: { token: string }) {
  const t = useTranslations("invite");
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const session = useSession();
  const preview = useQuery(trpc.invitations.preview.queryOptions({ token }, { retry: false }));
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: (joined) => {
        router.replace(`/t/${joined.slug}`);
        router.refresh();
      },
    }),
  );

  if (preview.isPending || session.status === "loading") return <InviteSkeleton />;
  if (preview.isError) {
    const code = parseError(preview.error).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <InviteStatus status="notFound" />;
    return (
      <Alert variant="destructive" title={t("loadFailed")}>
        <p>{errorText(preview.error)}</p>
        <Button variant="outline" size="sm" className="mt-3" onClick={() => preview.refetch()}>
          {t("retry")}
        </Button>
      </Alert>
    );
  }
  const inv = preview.data;
  if (inv.status !== "valid") return <InviteStatus status={inv.status} />;

  const myEmail = session.data?.user?.email?.toLowerCase() ?? null;
  const loginHref = `/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <p className="text-[13px] font-medium text-primary-soft-foreground">{t("eyebrow")}</p>
        <h1 className="text-[22px] leading-tight font-semibold tracking-tight">
          {t("title", { tenant: inv.tenantName })}
        </h1>
        <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-muted-foreground">
          {t.rich("roleLine", { role: () => <RoleBadge role={inv.role} /> })}
        </p>
        <p className="text-[13px] text-muted-foreground">
          {t("expires", {
            date: format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
      </div>

      {myEmail === inv.email.toLowerCase() ? (
        <div className="grid gap-3">
          <LiveRegion>
            {accept.isError && <Alert variant="destructive">{errorText(accept.error)}</Alert>}
          </LiveRegion>
          <Button
            size="lg"
            className="w-full"
            loading={accept.isPending}
            onClick={() => accept.mutate({ token })}
          >
            {t("accept", { tenant: inv.tenantName })}
          </Button>
        </div>
      ) : myEmail ? (
        <div className="grid gap-3">
          <Alert variant="warning" title={t("otherAccountTitle")}>
            {t("otherAccountText", { current: myEmail, invited: inv.email })}
          </Alert>
          <Button variant="outline" size="lg" onClick={() => signOut({ callbackUrl: `/invite/${token}` })}>
            {t("signOutToAccept")}
          </Button>
        </div>
      ) : inv.hasAccount ? (
        <div className="grid gap-3">
          <p className="text-muted-foreground">{t("hasAccount", { email: inv.email })}</p>
          <Button asChild size="lg">
            <Link href={loginHref}>{t("signInToAccept")}</Link>
          </Button>
        </div>
      ) : (
        <InviteNewUserForm token={token} email={inv.email} />
      )}
    </div>
  );
}

function InviteSkeleton() {
  return (
    <div className="grid gap-3" aria-busy>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-3/4" />
      <Skeleton className="h-4 w-1/2" />
      <Skeleton className="mt-6 h-10 w-full" />
    </div>
  );
}
