import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

export default function LoginPage() {
  // useSearchParams (callbackUrl) needs a Suspense boundary or the static prerender fails
  return (
    <Suspense>
      <LoginForm />
    </Suspense>
  );
}
