import { authenticateApiKey } from "@/server/http/api-key-auth";
import { errorResponse } from "@/server/http/error-response";
import { getConversation } from "@/server/services/conversations/get-conversation";

export const dynamic = "force-dynamic";

// GET /api/v1/conversations/:id — the conversation with its messages (only the key's tenant's).
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const { tenantId } = await authenticateApiKey(req);
    const { id } = await ctx.params;
    const c = await getConversation(tenantId, id);
    return Response.json({
      id: c.id,
      channel: c.channel,
      status: c.status,
      type: c.type,
      contact: { id: c.contact.externalId, name: c.contact.name },
      createdAt: c.createdAt,
      lastMessageAt: c.lastMessageAt,
      closedAt: c.closedAt,
      messages: c.messages.map((m) => ({
        id: m.id,
        role: m.role.toLowerCase(),
        content: m.content,
        action: m.action?.toLowerCase() ?? null,
        confidence: m.confidence,
        createdAt: m.createdAt,
      })),
    });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
