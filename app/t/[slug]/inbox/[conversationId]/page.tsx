import { notFound } from "next/navigation";
import { ConversationPane } from "@/components/workbench/conversation-pane";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InboxConversation({
  params,
}: {
  params: Promise<{ slug: string; conversationId: string }>;
}) {
  const { conversationId } = await params;
  if (!UUID.test(conversationId)) notFound();
  // keyed: another conversation starts with a fresh composer, scroll position and notices
  return <ConversationPane key={conversationId} conversationId={conversationId} />;
}
