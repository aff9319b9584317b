import type { ServerResponse } from "node:http";
import { logger } from "../logging";
import { findWidgetTenant } from "../services/widget/widget-tenant";
import { contentSecurityPolicy, widgetChatSlug } from "./security-headers";

// The widget's iframe page (/widget/chat/<slug>) may be framed only by the tenant's allowed origins
// when it has listed any. The custom server sets this before Next renders the page, because a page
// cannot set response headers itself and the header depends on the tenant's settings (one indexed
// lookup by slug, only for this path). On a lookup failure the generic embeddable policy stays.

export async function applyWidgetFramePolicy(
  res: ServerResponse,
  pathname: string,
  dev: boolean,
): Promise<void> {
  const slug = widgetChatSlug(pathname);
  if (!slug) return;
  try {
    const tenant = await findWidgetTenant(slug);
    const origins = tenant?.settings.allowedOrigins ?? [];
    if (origins.length)
      res.setHeader(
        "Content-Security-Policy",
        contentSecurityPolicy({ dev, embeddable: true, frameAncestors: origins }),
      );
  } catch (err) {
    logger().warn({ err, slug }, "widget frame policy lookup failed");
  }
}
