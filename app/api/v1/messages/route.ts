import { z } from "zod";
import { authenticateApiKey, readJsonBody } from "@/server/http/api-key-auth";
import { errorResponse } from "@/server/http/error-response";
import { processIncomingMessage } from "@/server/services/pipeline/process-message";

export const dynamic = "force-dynamic";

// POST /api/v1/messages — a customer message from the tenant's own channel, answered by the
// pipeline. `messageId` (optional) is the idempotency key: a repeat returns the first answer.
const ZBody = z.object({
  messageId: z.string().trim().min(1).max(200).optional(),
  contact: z.object({ id: z.string().trim().min(1).max(200), name: z.string().trim().max(100).optional() }),
  text: z.string().trim().min(1, "text is empty").max(4000, "text is longer than 4000 characters"),
  language: z.enum(["zh-CN", "en"]).optional(),
});

export async function POST(req: Request) {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const { tenantId } = await authenticateApiKey(req);
    const body = ZBody.parse(await readJsonBody(req, 16 * 1024));
    const r = await processIncomingMessage({
      tenantId,
      channel: "API",
      externalId: body.messageId ? `api:${body.messageId}` : undefined,
      contact: { externalId: body.contact.id, name: body.contact.name },
      text: body.text,
      language: body.language,
    });
    return Response.json({
      action: r.action,
      content: r.content,
      confidence: r.confidence,
      conversationId: r.conversationId,
      messageId: r.messageId,
      duplicate: r.duplicate,
    });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
