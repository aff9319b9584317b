import { db } from "../../../db/client";
import { AppError } from "../../../errors";
import { tenantEmbedder } from "../embedding/tenant-embedder";

// What the knowledge settings page shows about re-indexing: the latest run of the re-index job (runs
// are recorded in JobRun by the in-process runner), how many chunks exist and how many are embedded
// with the tenant's current model — after an embedder change that count is the re-embedding progress.

export const REINDEX_FUNCTION_ID = "reindex-knowledge";

/** A run still marked RUNNING after this long died with its process (a restart loses in-process runs). */
const STALE_RUN_MS = 6 * 3600_000;

export type TIndexStatus = {
  running: boolean;
  lastRun: { status: string; startedAt: Date; finishedAt: Date | null; error: string | null } | null;
  chunks: number;
  chunksOnCurrentModel: number;
  /** chunks rewritten since the running run started (its progress); null when nothing runs */
  reindexed: number | null;
  currentModel: string;
};

async function latestRun(tenantId: string) {
  const client = await db();
  return client.jobRun.findFirst({
    where: { tenantId, functionId: REINDEX_FUNCTION_ID },
    orderBy: { startedAt: "desc" },
    select: { status: true, startedAt: true, finishedAt: true, error: true },
  });
}

const isRunning = (run: { status: string; startedAt: Date } | null, now: Date) =>
  run?.status === "RUNNING" && now.getTime() - run.startedAt.getTime() < STALE_RUN_MS;

export async function knowledgeIndexStatus(tenantId: string, now = new Date()): Promise<TIndexStatus> {
  const client = await db();
  const [embedder, lastRun] = await Promise.all([tenantEmbedder(tenantId), latestRun(tenantId)]);
  const running = isRunning(lastRun, now);
  const [chunks, chunksOnCurrentModel, reindexed] = await Promise.all([
    client.knowledgeChunk.count({ where: { tenantId } }),
    client.knowledgeChunk.count({ where: { tenantId, embeddingModel: embedder.model } }),
    running && lastRun
      ? client.knowledgeChunk.count({ where: { tenantId, updatedAt: { gte: lastRun.startedAt } } })
      : Promise.resolve(null),
  ]);
  return {
    running,
    lastRun: lastRun ? { ...lastRun, error: lastRun.error?.slice(0, 500) ?? null } : null,
    chunks,
    chunksOnCurrentModel,
    reindexed: reindexed === null ? null : Math.min(reindexed, chunks),
    currentModel: embedder.model,
  };
}

/** Refuses a manual re-index while one is running (it would only repeat the same work). */
export async function assertNoReindexRunning(tenantId: string): Promise<void> {
  if (isRunning(await latestRun(tenantId), new Date()))
    throw new AppError("CONFLICT", "A re-index is already running");
}
