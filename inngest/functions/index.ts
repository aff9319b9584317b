import type { TJobDefinition } from "../define";
import type { TSchedule } from "../schedule";
import { sendInvitationEmail } from "./invitations/send-invitation-email";
import { notifyEscalation } from "./conversations/notify-escalation";
import { lifecycleSweep } from "./conversations/lifecycle-sweep";
import { lifecycleSweepSchedule } from "./conversations/lifecycle-sweep-schedule";
import { nightlyRescore } from "./customers/nightly-rescore";
import { nightlyRescoreSchedule } from "./customers/nightly-rescore-schedule";
import { rescoreOnClose, rescoreOnMessage } from "./customers/rescore-contact";
import { ingestDocumentJob } from "./knowledge/ingest-document";
import { reindexKnowledge } from "./knowledge/reindex-knowledge";
import { syncErpJob } from "./erp/sync-erp";
import { erpSyncSchedule } from "./erp/sync-erp-schedule";
import { extractLearning } from "./learning/extract-learning";
import { checkAlertsJob } from "./alerts/check-alerts";
import { checkAlertsSchedule } from "./alerts/check-alerts-schedule";
import { dashboardRollup } from "./dashboard/rollup-recent";
import { dashboardRollupSchedule } from "./dashboard/rollup-schedule";
import { dashboardUsageRollup } from "./dashboard/usage-rollup";
import { dashboardUsageRollupSchedule } from "./dashboard/usage-rollup-schedule";
import { pruneJobRunsSchedule } from "./system/prune-job-runs-schedule";

/** Every job; the serve route and the in-process runner both read this list. */
export const JOBS: TJobDefinition[] = [
  sendInvitationEmail,
  reindexKnowledge,
  ingestDocumentJob,
  notifyEscalation,
  lifecycleSweep,
  rescoreOnMessage,
  rescoreOnClose,
  nightlyRescore,
  extractLearning,
  syncErpJob,
  checkAlertsJob,
  dashboardRollup,
  dashboardUsageRollup,
] as unknown as TJobDefinition[];

/** Periodic ticks (cron with Inngest, timers in-process); each emits events for the jobs above (the
 * job-run prune does its one delete itself). */
export const SCHEDULES: TSchedule[] = [
  nightlyRescoreSchedule,
  erpSyncSchedule,
  lifecycleSweepSchedule,
  checkAlertsSchedule,
  dashboardRollupSchedule,
  dashboardUsageRollupSchedule,
  pruneJobRunsSchedule,
];
