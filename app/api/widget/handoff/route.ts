import { z } from "zod";
import { requestHandoff } from "@/server/services/widget/widget-handoff";
import { ZLocale } from "@/server/services/widget/widget-schemas";
import { slugFromHeader, widgetCall, widgetPreflight } from "../_lib/widget-http";

export const dynamic = "force-dynamic";

// POST /api/widget/handoff — "talk to a human": escalates the visitor's conversation (a queue while
// staffed, a ticket after hours) and tells the customer with a system line.
const ZHandoffBody = z.object({ locale: ZLocale.optional() });

export async function POST(req: Request) {
  return widgetCall(req, slugFromHeader, async ({ tenant, ip, visitor, limit, body }) => {
    await limit("actions-ip", `ip:${ip}`, 60);
    const visitorId = visitor();
    await limit("handoff", `visitor:${visitorId}`, 10);
    const input = ZHandoffBody.parse(await body(true));
    const { status } = await requestHandoff(tenant, visitorId, input.locale);
    return { status };
  });
}

export const OPTIONS = widgetPreflight;
