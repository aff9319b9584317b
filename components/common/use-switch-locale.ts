"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/app/actions/locale";

/** Switches the UI language: the cookie is set by a server action, then server components re-render. */
export function useSwitchLocale() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const switchTo = (locale: string) =>
    start(async () => {
      await setLocale(locale);
      router.refresh();
    });
  return { switchTo, pending };
}
