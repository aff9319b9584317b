"use client";

import { SessionProvider } from "next-auth/react";
import { TRPCReactProvider } from "./trpc";

export function AppProviders({ children }: { children: React.ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </SessionProvider>
  );
}
