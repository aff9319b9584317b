import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findWidgetTenant } from "@/server/services/widget/widget-tenant";

// The widget's iframe URL (/widget/chat/<slug>): the same chat as the script tag, full page, for
// sites that would rather frame a page than run a script. It only loads /widget.js in inline mode;
// the custom server sets this path's frame-ancestors from the tenant's allowed origins.
// `?locale=en|zh-CN` picks the language (else the tenant's, else the browser's).

type TProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ locale?: string | string[] }>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const tenant = await findWidgetTenant((await params).slug);
  if (!tenant) return { robots: { index: false } };
  return {
    title: { absolute: tenant.settings.title[tenant.language] || tenant.name },
    robots: { index: false },
  };
}

export default async function WidgetChatPage({ params, searchParams }: TProps) {
  const tenant = await findWidgetTenant((await params).slug);
  if (!tenant) notFound();
  const requested = (await searchParams).locale;
  const locale = requested === "en" || requested === "zh-CN" ? requested : undefined;
  return <script src="/widget.js" data-tenant={tenant.slug} data-mode="inline" data-locale={locale} async />;
}
