import type { TJobDefinition } from "../define";
import type { TSchedule } from "../schedule";
import { sendInvitationEmail } from "./invitations/send-invitation-email";
import { notifyEscalation } from "./conversations/notify-escalation";
import { nightlyRescore } from "./customers/nightly-rescore";
import { nightlyRescoreSchedule } from "./customers/nightly-rescore-schedule";
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

/** Periodic ticks (cron with Inngest, timers in-process); each emits events for the jobs above. */
export const SCHEDULES: TSchedule[] = [nightlyRescoreSchedule];
