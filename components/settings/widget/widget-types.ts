import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOutputs = inferRouterOutputs<AppRouter>;
export type TWidgetView = TOutputs["widgetSettings"]["get"];
export type TWidgetSettings = TWidgetView["settings"];
export type TWidgetLanguage = keyof TWidgetSettings["title"];
export const WIDGET_LANGUAGES: TWidgetLanguage[] = ["zh-CN", "en"];

/** Text colour that stays readable on the tenant's colour (WCAG relative luminance). */
export function readableOn(hex: string): "#ffffff" | "#111827" {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return "#ffffff";
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // contrast with white (luminance 1) vs #111827 (luminance ≈ 0.0092): pick the larger ratio
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0592 ? "#ffffff" : "#111827";
}

export const isHexColor = (v: string) => /^#[0-9a-f]{6}$/i.test(v.trim());
