import { randomUUID } from "node:crypto";
import { rawQuery } from "../server/db/client";
import { Prisma } from "../server/db/generated/prisma/client";
import { logger } from "../server/logging";

// Every run of a job is a JobRun row (the System page's job table, the knowledge re-index status),
// whichever way it runs: the in-process runner and the Inngest function both record through here.
// Raw statements: a customer re-scoring runs after every burst of messages, and these two rows were
// most of the ORM's work left per message.

export function tenantOf(data: unknown): string | null {
  const tenantId = (data as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === "string" ? tenantId : null;
}

type TJob = { id: string; event: string };
type TOutcome = { error?: unknown };

function statusOf(outcome: TOutcome): { status: string; error: string | null } {
  if (!("error" in outcome)) return { status: "SUCCEEDED", error: null };
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return { status: "FAILED", error: message.slice(0, 2000) };
}

export async function startJobRun(job: TJob, data: unknown, startedAt = new Date()): Promise<string> {
  const id = randomUUID();
  await rawQuery(Prisma.sql`
    INSERT INTO "JobRun" (id, "tenantId", "functionId", "eventName", status, "startedAt")
    VALUES (${id}, ${tenantOf(data)}, ${job.id}, ${job.event}, 'RUNNING', ${startedAt}) RETURNING id`);
  return id;
}

export async function finishJobRun(id: string, outcome: TOutcome = {}): Promise<void> {
  const { status, error } = statusOf(outcome);
  await rawQuery(Prisma.sql`
    UPDATE "JobRun" SET status = ${status}, error = ${error}, "finishedAt" = now()
    WHERE id = ${id} RETURNING id`);
}

/** A run that is over, as one row. */
async function insertFinishedJobRun(job: TJob, data: unknown, startedAt: Date, outcome: TOutcome) {
  const { status, error } = statusOf(outcome);
  await rawQuery(Prisma.sql`
    INSERT INTO "JobRun" (id, "tenantId", "functionId", "eventName", status, error, "startedAt", "finishedAt")
    VALUES (${randomUUID()}, ${tenantOf(data)}, ${job.id}, ${job.event}, ${status}, ${error}, ${startedAt}, now())
    RETURNING id`);
}

/**
 * Ms after which a run in this process shows as RUNNING. Most runs (a customer's re-scoring, an
 * escalation e-mail) are over in milliseconds and are written once, when they end — one statement
 * instead of two per run, which was a fifth of the statements per message. A longer one (document
 * ingestion, a re-index, retries with backoff) gets its RUNNING row at this point and is finished
 * as before, so the System page and the re-index status see it while it runs.
 */
export const RUNNING_ROW_AFTER_MS = 1000;

/** Records an in-process run (see RUNNING_ROW_AFTER_MS); recording never fails the job. */
export function recordJobRun(job: TJob, data: unknown): { finish: (outcome?: TOutcome) => Promise<void> } {
  const startedAt = new Date();
  let running: Promise<string | null> | null = null;
  const timer = setTimeout(() => {
    running = startJobRun(job, data, startedAt).catch(() => null); // written at the end instead
  }, RUNNING_ROW_AFTER_MS);
  timer.unref();
  return {
    async finish(outcome = {}) {
      clearTimeout(timer);
      try {
        const id = running ? await running : null;
        if (id) await finishJobRun(id, outcome);
        else await insertFinishedJobRun(job, data, startedAt, outcome);
      } catch (err) {
        // e.g. the tenant was deleted while its job ran: the job's own outcome stands
        logger().warn({ err, job: job.id }, "job run not recorded");
      }
    },
  };
}
