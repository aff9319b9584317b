import { ZUserBody } from "@/server/services/widget/widget-schemas";
import { setWidgetUser } from "@/server/services/widget/widget-visitor";
import { slugFromHeader, widgetCall, widgetPreflight } from "../_lib/widget-http";

export const dynamic = "force-dynamic";

// POST /api/widget/user — Kefu.setUser({id, name, email, phone}): who the shop says the visitor is.
export async function POST(req: Request) {
  return widgetCall(req, slugFromHeader, async ({ tenant, ip, visitor, limit, body }) => {
    await limit("actions-ip", `ip:${ip}`, 60);
    const visitorId = visitor();
    await limit("user", `visitor:${visitorId}`, 10);
    await setWidgetUser(tenant.id, visitorId, ZUserBody.parse(await body()));
    return { ok: true };
  });
}

export const OPTIONS = widgetPreflight;
