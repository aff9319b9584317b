import { db } from "../../db/client";

// JobRun is the in-process runner's record of every run, and minute-by-minute schedules (alert checks,
// lifecycle sweeps) add ~3 000 rows per tenant a day. The system page reads only the last day, so
// successful runs are kept a week and failures a month (long enough to investigate), deleted in
// batches so one prune never holds a long transaction.

const KEEP_SUCCEEDED_DAYS = 7;
const KEEP_FAILED_DAYS = 30;
const BATCH = 5_000;

export async function pruneJobRuns(now = new Date()): Promise<{ deleted: number }> {
  const client = await db();
  const day = 24 * 3600_000;
  const succeededBefore = new Date(now.getTime() - KEEP_SUCCEEDED_DAYS * day);
  const anyBefore = new Date(now.getTime() - KEEP_FAILED_DAYS * day);
  let deleted = 0;
  for (;;) {
    const n = await client.$executeRaw`
      DELETE FROM "JobRun" WHERE id IN (
        SELECT id FROM "JobRun"
        WHERE ("startedAt" < ${anyBefore} OR ("startedAt" < ${succeededBefore} AND status = 'SUCCEEDED'))
        LIMIT ${BATCH})`;
    deleted += n;
    if (n < BATCH) return { deleted };
  }
}
