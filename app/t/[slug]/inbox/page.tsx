import { NoConversationSelected } from "@/components/workbench/conversation-pane";

export default function Inbox() {
  return <NoConversationSelected />;
}
