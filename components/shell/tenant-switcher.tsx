"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { RoleBadge } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";

function TenantMark({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary text-[13px] font-semibold text-primary-foreground"
    >
      {Array.from(name.trim())[0]?.toUpperCase() ?? "?"}
    </span>
  );
}

export function TenantSwitcher({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("shell");
  const roles = useTranslations("roles");
  const tenant = useTenant();
  const router = useRouter();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const remember = useMutation(trpc.account.rememberTenant.mutationOptions());

  function switchTo(id: string, slug: string) {
    onNavigate?.();
    if (slug === tenant.slug) return;
    remember.mutate({ tenantId: id });
    router.push(`/t/${slug}`);
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={t("switchTenant")}
        className="flex w-full items-center gap-2.5 rounded-lg p-1.5 text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent"
      >
        <TenantMark name={tenant.name} />
        <span className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate font-semibold">{tenant.name}</span>
          <span className="truncate text-xs text-muted-foreground">{roles(tenant.role)}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-64">
        <DropdownMenuLabel>{t("tenants")}</DropdownMenuLabel>
        {me.isPending && <Skeleton className="mx-2 my-2 h-5" />}
        {me.data?.tenants.map((x) => (
          <DropdownMenuItem key={x.id} onSelect={() => switchTo(x.id, x.slug)} className="gap-2.5">
            <TenantMark name={x.name} />
            <span className="min-w-0 flex-1 truncate">{x.name}</span>
            <RoleBadge role={x.role} />
            <Check className={x.slug === tenant.slug ? "!text-primary" : "invisible"} aria-hidden />
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/tenants/new" onClick={onNavigate}>
            <Plus aria-hidden />
            {t("createTenant")}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
