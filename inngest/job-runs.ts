import { db } from "../server/db/client";

// Every run of a job is a JobRun row (the System page's job table, the knowledge re-index status),
// whichever way it runs: the in-process runner and the Inngest function both record through here.

export function tenantOf(data: unknown): string | null {
  const tenantId = (data as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === "string" ? tenantId : null;
}

export async function startJobRun(job: { id: string; event: string }, data: unknown): Promise<string> {
  const client = await db();
  const run = await client.jobRun.create({
    data: { tenantId: tenantOf(data), functionId: job.id, eventName: job.event, status: "RUNNING" },
    select: { id: true },
  });
  return run.id;
}

export async function finishJobRun(id: string, outcome: { error?: unknown } = {}): Promise<void> {
  const client = await db();
  const failed = "error" in outcome;
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  await client.jobRun.updateMany({
    where: { id },
    data: failed
      ? { status: "FAILED", error: message.slice(0, 2000), finishedAt: new Date() }
      : { status: "SUCCEEDED", error: null, finishedAt: new Date() },
  });
}
