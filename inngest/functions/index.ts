import type { TJobDefinition } from "../define";
import { sendInvitationEmail } from "./invitations/send-invitation-email";
import { notifyEscalation } from "./conversations/notify-escalation";
import { ingestDocumentJob } from "./knowledge/ingest-document";
import { reindexKnowledge } from "./knowledge/reindex-knowledge";

/** Every job; the serve route and the in-process runner both read this list. */
export const JOBS: TJobDefinition[] = [
  sendInvitationEmail,
  reindexKnowledge,
  ingestDocumentJob,
  notifyEscalation,
] as unknown as TJobDefinition[];
