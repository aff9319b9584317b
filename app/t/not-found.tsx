import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/common/logo";
import { Button } from "@/components/ui/button";

// Shown for /t/<slug> when the slug is unknown *or* belongs to a tenant the user is not a member of
// (same words for both, so the page does not reveal which tenants exist).
export default async function TenantNotFound() {
  const t = await getTranslations("tenantNotFound");
  const app = await getTranslations("app");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-4 sm:px-8">
        <Logo name={app("name")} />
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-20">
        <div className="grid max-w-md justify-items-center gap-3 text-center">
          <span className="flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <SearchX className="size-5" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("text")}</p>
          <div className="mt-3 flex flex-wrap justify-center gap-2">
            <Button asChild>
              <Link href="/">{t("home")}</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/tenants/new">{t("create")}</Link>
            </Button>
          </div>
        </div>
      </main>
    </div>
  );
}
