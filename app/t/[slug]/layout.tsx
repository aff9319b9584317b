import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { TenantProvider } from "@/components/tenant/tenant-context";
import { permissionsOf } from "@/server/auth/permissions";
import { currentUserId } from "@/server/auth/session";
import { listMyTenants } from "@/server/services/tenants/list-my-tenants";

export const dynamic = "force-dynamic";

// Resolves the slug among the caller's own tenants only: a tenant that exists but is not theirs gets
// the same "not found" as one that does not exist, so slugs cannot be probed.
export default async function TenantLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const userId = await currentUserId();
  if (!userId) redirect(`/login?callbackUrl=${encodeURIComponent(`/t/${slug}`)}`);
  const tenant = (await listMyTenants(userId)).find((t) => t.slug === slug);
  if (!tenant) notFound();
  return (
    <TenantProvider
      tenant={{
        tenantId: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        role: tenant.role,
        permissions: permissionsOf(tenant.role),
      }}
    >
      <AppShell>{children}</AppShell>
    </TenantProvider>
  );
}
