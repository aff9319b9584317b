import { logger } from "../logging";
import { topicBus, type TopicBus } from "./topic-bus";

// Live updates for the workbench and the widget, without polling. Every event goes to the tenant's
// inbox topic (agents' workbench sockets, which also see internal notes and transfers); what the
// customer may see also goes to the conversation's topic (the widget visitor's socket). A failed
// publish is logged and never fails the write that caused it: the database stays the truth and a
// reconnecting client reloads from it.

export type TLiveRole = "CUSTOMER" | "BOT" | "AGENT" | "SYSTEM" | "NOTE";
export type TLiveStatus = "BOT" | "PENDING_HUMAN" | "HUMAN" | "CLOSED" | "TICKET";

export type TLiveMessage = {
  id: string;
  role: TLiveRole;
  content: string;
  /** ISO time */
  createdAt: string;
  senderName: string | null;
  action: "REPLY" | "CLARIFY" | "TRANSFER" | "IGNORE" | null;
  confidence: number | null;
};

export type TLiveEvent =
  | { type: "message"; tenantId: string; conversationId: string; message: TLiveMessage }
  | {
      type: "conversation";
      tenantId: string;
      conversationId: string;
      status: TLiveStatus;
      assigneeId: string | null;
      /** what happened: escalated, taken_over, released, closed, transferred, reopened, updated… */
      change: string;
      /** the agent's display name when a human joined (the widget shows "客服【name】已接入") */
      agentName?: string | null;
      /** a closed conversation asks the customer to rate it */
      satisfactionRequested?: boolean;
    }
  | {
      type: "typing";
      tenantId: string;
      conversationId: string;
      from: "customer" | "agent" | "bot";
      on: boolean;
    }
  | {
      type: "transfer";
      tenantId: string;
      conversationId: string;
      transferId: string;
      fromUserId: string;
      toUserId: string;
      status: "PENDING" | "ACCEPTED" | "DECLINED" | "CANCELLED";
    }
  | { type: "presence"; tenantId: string; userId: string; presence: "ONLINE" | "BUSY" | "AWAY" | "OFFLINE" };

export const inboxTopic = (tenantId: string) => `live:tenant:${tenantId}`;
export const conversationTopic = (conversationId: string) => `live:conversation:${conversationId}`;

/** Whether the customer's side (widget) may see this event. */
export function isCustomerVisible(event: TLiveEvent): boolean {
  switch (event.type) {
    case "message":
      return event.message.role !== "NOTE";
    case "conversation":
      return true;
    case "typing":
      return event.from !== "customer";
    default:
      return false;
  }
}

export async function publishLive(event: TLiveEvent, bus: TopicBus = topicBus()): Promise<void> {
  try {
    const sends = [bus.publish(inboxTopic(event.tenantId), event)];
    if ("conversationId" in event && isCustomerVisible(event))
      sends.push(bus.publish(conversationTopic(event.conversationId), event));
    await Promise.all(sends);
  } catch (err) {
    logger().warn({ err, tenantId: event.tenantId, type: event.type }, "live event not published");
  }
}

/** A stored message row as a live message (dates as ISO strings, the shape sockets carry). */
export function toLiveMessage(row: {
  id: string;
  role: TLiveRole;
  content: string;
  createdAt: Date;
  senderName?: string | null;
  action?: TLiveMessage["action"] | null;
  confidence?: number | null;
}): TLiveMessage {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    createdAt: row.createdAt.toISOString(),
    senderName: row.senderName ?? null,
    action: row.action ?? null,
    confidence: row.confidence ?? null,
  };
}
