import { randomUUID } from "node:crypto";
import { rawQuery } from "../server/db/client";
import { Prisma } from "../server/db/generated/prisma/client";

// Every run of a job is a JobRun row (the System page's job table, the knowledge re-index status),
// whichever way it runs: the in-process runner and the Inngest function both record through here.
// Raw statements: a customer re-scoring runs after every burst of messages, and these two rows were
// most of the ORM's work left per message.

export function tenantOf(data: unknown): string | null {
  const tenantId = (data as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === "string" ? tenantId : null;
}

export async function startJobRun(job: { id: string; event: string }, data: unknown): Promise<string> {
  const id = randomUUID();
  await rawQuery(Prisma.sql`
    INSERT INTO "JobRun" (id, "tenantId", "functionId", "eventName", status)
    VALUES (${id}, ${tenantOf(data)}, ${job.id}, ${job.event}, 'RUNNING') RETURNING id`);
  return id;
}

export async function finishJobRun(id: string, outcome: { error?: unknown } = {}): Promise<void> {
  const failed = "error" in outcome;
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  await rawQuery(Prisma.sql`
    UPDATE "JobRun" SET status = ${failed ? "FAILED" : "SUCCEEDED"}, error = ${failed ? message.slice(0, 2000) : null},
      "finishedAt" = now()
    WHERE id = ${id} RETURNING id`);
}
