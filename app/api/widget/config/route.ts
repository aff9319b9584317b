import { publicWidgetSettings } from "@/server/services/widget/widget-settings";
import { slugFromQuery, widgetCall, widgetPreflight } from "../_lib/widget-http";

export const dynamic = "force-dynamic";

// GET /api/widget/config?tenant=<slug> — what the widget script needs to draw itself (docs/widget.md).
export async function GET(req: Request) {
  return widgetCall(req, slugFromQuery, async ({ tenant, ip, limit }) => {
    await limit("config", `ip:${ip}`, 120);
    return {
      tenant: { slug: tenant.slug, name: tenant.name },
      settings: publicWidgetSettings(tenant.settings),
      language: tenant.language,
    };
  });
}

export const OPTIONS = widgetPreflight;
