"use client";

import { useQuery } from "@tanstack/react-query";
import { MessageSquareDashed } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { parseError } from "@/components/common/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { BackToList } from "./back-to-list";
import { Composer } from "./composer";
import { ConversationHeader } from "./conversation-header";
import { CustomerPanel } from "./customer-panel";
import { MessageList } from "./message-list";
import { TransferBanner } from "./transfer-banner";
import { TypingIndicator } from "./typing-indicator";

/** The open conversation: header with actions, history, composer; the customer panel beside it on wide screens. */
export function ConversationPane({ conversationId }: { conversationId: string }) {
  const t = useTranslations("workbench");
  const tenant = useTenant();
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.workbench.conversation.queryOptions({ tenantId: tenant.tenantId, conversationId }),
  );
  const me = useQuery(trpc.workbench.me.queryOptions({ tenantId: tenant.tenantId }));
  const [notice, setNotice] = useState<string | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  if (detail.isError) return <ConversationError error={detail.error} onRetry={() => detail.refetch()} />;
  if (detail.isPending || !me.data) return <ConversationSkeleton />;

  const { conversation, messages, events, pendingTransfer } = detail.data;
  const myUserId = me.data.userId;
  const mine = conversation.status === "HUMAN" && conversation.assignee?.id === myUserId;
  const transferToMe = pendingTransfer?.toUserId === myUserId ? pendingTransfer : null;

  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <section aria-labelledby="conversation-title" className="flex min-h-0 min-w-0 flex-1 flex-col">
        <ConversationHeader
          detail={detail.data}
          myUserId={myUserId}
          onNotice={setNotice}
          onTakenOver={() => composerRef.current?.focus()}
        />
        {notice && (
          <Alert variant="warning" live className="mx-3 mt-2" role="status">
            {notice}
          </Alert>
        )}
        {transferToMe && (
          <TransferBanner conversationId={conversation.id} transfer={transferToMe} onNotice={setNotice} />
        )}
        <MessageList conversationId={conversation.id} messages={messages} events={events} />
        <TypingIndicator conversationId={conversation.id} />
        <Composer ref={composerRef} conversation={conversation} mine={mine} />
      </section>
      <aside
        aria-label={t("customer.title")}
        className="hidden w-[280px] shrink-0 overflow-y-auto border-l bg-card xl:block"
      >
        <CustomerPanel conversationId={conversation.id} />
      </aside>
    </div>
  );
}

function ConversationError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useTranslations("workbench");
  const code = parseError(error).code;
  return (
    <div className="flex flex-1 flex-col p-3">
      <BackToList />
      {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
        <EmptyState icon={MessageSquareDashed} title={t("notFound")} description={t("notFoundText")} />
      ) : (
        <QueryError className="m-3" error={error} onRetry={onRetry} />
      )}
    </div>
  );
}

export function ConversationSkeleton() {
  const t = useTranslations("workbench");
  return (
    <div className="flex flex-1 flex-col gap-3 p-4" aria-busy="true" aria-label={t("loading")}>
      <Skeleton className="h-10 w-2/3" />
      <Skeleton className="h-16 w-1/2" />
      <Skeleton className="ml-auto h-16 w-1/2" />
      <Skeleton className="h-16 w-2/5" />
      <Skeleton className="mt-auto h-24" />
    </div>
  );
}

/** The right-hand side of /inbox before a conversation is picked (desktop only; phones show the list). */
export function NoConversationSelected() {
  const t = useTranslations("workbench");
  return (
    <div className="flex flex-1 items-center justify-center">
      <EmptyState icon={MessageSquareDashed} title={t("pickTitle")} description={t("pickText")} />
    </div>
  );
}
