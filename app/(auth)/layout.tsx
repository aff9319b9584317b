import { KeyRound, ScrollText, Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/common/language-switch";
import { Logo, LogoMark } from "@/components/common/logo";

// Sign-in, sign-up, invitations and new tenants: a brand panel beside the form on wide screens,
// the form alone on phones.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("authLayout");
  const app = await getTranslations("app");
  const points = [
    { icon: Users, title: t("point1Title"), text: t("point1Text") },
    { icon: ScrollText, title: t("point2Title"), text: t("point2Text") },
    { icon: KeyRound, title: t("point3Title"), text: t("point3Text") },
  ];
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <aside className="relative hidden overflow-hidden bg-[linear-gradient(160deg,oklch(0.38_0.15_270),oklch(0.22_0.08_275))] p-10 text-white lg:flex lg:flex-col">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 opacity-[0.14] [background-image:radial-gradient(white_1px,transparent_1px)] [background-size:22px_22px] [mask-image:linear-gradient(to_bottom,black,transparent_75%)]"
        />
        <div className="relative flex items-center gap-2.5 text-[15px] font-semibold">
          <LogoMark className="bg-white text-[oklch(0.38_0.15_270)]" />
          {app("name")}
        </div>
        <div className="relative mt-auto mb-auto max-w-md pt-16">
          <h2 className="text-[28px] leading-tight font-semibold tracking-tight text-balance">
            {t("headline")}
          </h2>
          <p className="mt-3 text-[15px] leading-relaxed text-white/75">{t("subline")}</p>
          <ul className="mt-10 grid gap-6">
            {points.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-3.5">
                <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-white/10 ring-1 ring-white/15">
                  <Icon className="size-4" aria-hidden />
                </span>
                <div>
                  <p className="font-medium">{title}</p>
                  <p className="mt-0.5 text-[13px] leading-relaxed text-white/70">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-white/55">{t("footer")}</p>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-between gap-4 px-4 py-4 sm:px-8">
          <Logo name={app("name")} className="lg:invisible" />
          <LanguageSwitch />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:px-8 sm:pt-0">
          <div className="w-full max-w-[400px]">{children}</div>
        </main>
      </div>
    </div>
  );
}
