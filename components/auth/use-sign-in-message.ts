"use client";

import { useTranslations } from "next-intl";
import { parseSignInError } from "./sign-in-error";

/** A localised sentence for a failed credentials sign-in (wrong password, lockout, rate limit). */
export function useSignInMessage() {
  const t = useTranslations("auth.signInErrors");
  return (raw: string) => {
    const { code, extra } = parseSignInError(raw);
    switch (code) {
      case "UNAUTHORIZED":
        return extra !== null && extra <= 3 ? t("invalidWithAttempts", { count: extra }) : t("invalid");
      case "LOCKED":
        return t("locked", { minutes: extra ?? 15 });
      case "TOO_MANY_REQUESTS":
        return t("tooMany", { seconds: extra ?? 60 });
      default:
        return t("failed");
    }
  };
}
