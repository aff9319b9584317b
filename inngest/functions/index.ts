import type { TJobDefinition } from "../define";
import { sendInvitationEmail } from "./invitations/send-invitation-email";
import { notifyEscalation } from "./conversations/notify-escalation";
import { nightlyRescore } from "./customers/nightly-rescore";
import { rescoreOnClose, rescoreOnMessage } from "./customers/rescore-contact";
import { ingestDocumentJob } from "./knowledge/ingest-document";
import { reindexKnowledge } from "./knowledge/reindex-knowledge";
import { syncErpJob } from "./erp/sync-erp";
import { extractLearning } from "./learning/extract-learning";

/** Every job; the serve route and the in-process runner both read this list. */
export const JOBS: TJobDefinition[] = [
  sendInvitationEmail,
  reindexKnowledge,
  ingestDocumentJob,
  notifyEscalation,
  rescoreOnMessage,
  rescoreOnClose,
  nightlyRescore,
  extractLearning,
  syncErpJob,
] as unknown as TJobDefinition[];
