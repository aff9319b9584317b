import { startWidgetSession } from "@/server/services/widget/widget-session";
import { ZSessionBody } from "@/server/services/widget/widget-schemas";
import { widgetCall, widgetPreflight } from "../_lib/widget-http";

export const dynamic = "force-dynamic";

// POST /api/widget/session — resumes a visitor from (visitorId, token) or starts a new one, with the
// open conversation's history. A tampered or foreign token starts a new visitor (docs/widget.md).
export async function POST(req: Request) {
  return widgetCall(
    req,
    async (_req, readBody) => ZSessionBody.parse(await readBody()).tenant,
    async ({ tenant, ip, limit, body }) => {
      await limit("session", `ip:${ip}`, 30);
      const input = ZSessionBody.parse(await body());
      return startWidgetSession(tenant, { visitorId: input.visitorId, token: input.token });
    },
  );
}

export const OPTIONS = widgetPreflight;
