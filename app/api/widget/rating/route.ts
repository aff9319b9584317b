import { rateConversation } from "@/server/services/widget/widget-rating";
import { ZRatingBody } from "@/server/services/widget/widget-schemas";
import { slugFromHeader, widgetCall, widgetPreflight } from "../_lib/widget-http";

export const dynamic = "force-dynamic";

// POST /api/widget/rating — the customer's 1–5 score after a close that asked for it (once).
export async function POST(req: Request) {
  return widgetCall(req, slugFromHeader, async ({ tenant, ip, visitor, limit, body }) => {
    await limit("actions-ip", `ip:${ip}`, 60);
    const visitorId = visitor();
    await limit("rating", `visitor:${visitorId}`, 10);
    await rateConversation(tenant.id, visitorId, ZRatingBody.parse(await body()));
    return { ok: true };
  });
}

export const OPTIONS = widgetPreflight;
