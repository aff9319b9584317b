import { ConversationSkeleton } from "@/components/workbench/conversation-pane";

export default function ConversationLoading() {
  return <ConversationSkeleton />;
}
