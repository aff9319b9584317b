import { Compass } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/common/logo";
import { Button } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const app = await getTranslations("app");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-4 sm:px-8">
        <Link href="/" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Logo name={app("name")} />
        </Link>
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-20">
        <div className="grid max-w-md justify-items-center gap-3 text-center">
          <span className="flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <Compass className="size-5" aria-hidden />
          </span>
          <p className="font-mono text-[13px] text-muted-foreground">404</p>
          <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("text")}</p>
          <Button asChild className="mt-3">
            <Link href="/">{t("home")}</Link>
          </Button>
        </div>
      </main>
    </div>
  );
}
