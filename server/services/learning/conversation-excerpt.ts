import { db } from "../../db/client";

// The reviewer judges a learned answer by the dialogue it came from: the customer's question and the
// lines around it (internal notes and system lines left out).

const BEFORE = 1;
const AFTER = 3;

export type TExcerptLine = { role: string; content: string; createdAt: Date };

export async function conversationExcerpts(
  tenantId: string,
  items: { conversationId: string | null; question: string }[],
): Promise<Map<string, TExcerptLine[]>> {
  const ids = [...new Set(items.map((i) => i.conversationId).filter((x): x is string => Boolean(x)))];
  if (!ids.length) return new Map();
  const client = await db();
  const rows = await client.message.findMany({
    where: { tenantId, conversationId: { in: ids }, role: { in: ["CUSTOMER", "AGENT", "BOT"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { conversationId: true, role: true, content: true, createdAt: true },
  });
  const byConversation = new Map<string, TExcerptLine[]>();
  for (const r of rows) {
    const list = byConversation.get(r.conversationId) ?? [];
    list.push({ role: r.role, content: r.content, createdAt: r.createdAt });
    byConversation.set(r.conversationId, list);
  }
  const out = new Map<string, TExcerptLine[]>();
  for (const item of items) {
    if (!item.conversationId) continue;
    const lines = byConversation.get(item.conversationId) ?? [];
    const at = Math.max(
      0,
      lines.findIndex((l) => l.role === "CUSTOMER" && l.content.trim() === item.question),
    );
    out.set(`${item.conversationId}:${item.question}`, lines.slice(Math.max(0, at - BEFORE), at + AFTER + 1));
  }
  return out;
}
