"use client";

import { createContext, useContext, useMemo } from "react";
import type { TRole } from "./role-badge";

// The tenant the current /t/<slug> page belongs to, resolved on the server by app/t/[slug]/layout.tsx.
// Client components read it instead of re-parsing the URL; every tRPC call passes `tenantId`.
export type TTenant = { tenantId: string; slug: string; name: string; role: TRole; permissions: string[] };

const TenantContext = createContext<(TTenant & { can: (p: string) => boolean }) | null>(null);

export function TenantProvider({ tenant, children }: { tenant: TTenant; children: React.ReactNode }) {
  const value = useMemo(() => {
    const set = new Set(tenant.permissions);
    return { ...tenant, can: (p: string) => set.has(p) };
  }, [tenant]);
  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}

export function useTenant() {
  const ctx = useContext(TenantContext);
  if (!ctx) throw new Error("useTenant() outside <TenantProvider>");
  return ctx;
}
