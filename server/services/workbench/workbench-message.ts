import type { TOutgoingRow } from "./outgoing-messages";
import type { TEvidence, TWorkbenchMessage } from "./workbench-schemas";

/** A stored message as the workbench shows it (author and evidence resolved by the caller). */
export function toWorkbenchMessage(
  row: Omit<TOutgoingRow, "authorId" | "evidenceIds">,
  authorName: string | null,
  evidence: TEvidence[] = [],
): TWorkbenchMessage {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    createdAt: row.createdAt,
    senderName: row.senderName,
    authorName,
    action: row.action,
    confidence: row.confidence,
    deliveryStatus: row.deliveryStatus,
    evidence,
  };
}
