import { env } from "@/server/env";
import { sendWidgetMessage } from "@/server/services/widget/widget-messages";
import { ZMessageBody } from "@/server/services/widget/widget-schemas";
import { slugFromHeader, widgetCall, widgetPreflight } from "../_lib/widget-http";

export const dynamic = "force-dynamic";

// POST /api/widget/messages — the visitor's message through the pipeline; answers with the bot's
// reply (also pushed live). The clientId makes retries idempotent.
export async function POST(req: Request) {
  return widgetCall(req, slugFromHeader, async ({ tenant, ip, visitor, limit, body }) => {
    await limit("messages-ip", `ip:${ip}`, 120);
    const visitorId = visitor();
    await limit("messages", `visitor:${visitorId}`, env().KEFU_WIDGET_MESSAGES_PER_MINUTE);
    return sendWidgetMessage(tenant, visitorId, ZMessageBody.parse(await body()));
  });
}

export const OPTIONS = widgetPreflight;
