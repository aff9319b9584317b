import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import type { TJobDefinition } from "../../inngest/define";
import { JOBS, SCHEDULES } from "../../inngest/functions";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { createDocument } from "../../server/services/knowledge/documents/manage-documents";
import { ownerWithTenant } from "./helpers";
import { ask } from "./learning-helpers";
import { pipelineTenant } from "./pipeline-helpers";

// Every job runs both ways (issue 7): under Inngest's own test engine (@inngest/test) and through the
// in-process runner of the embedded default, against real PostgreSQL. Jobs whose own test file already
// does both are listed in COVERED_ELSEWHERE (checked below, so the claim cannot go stale); the others
// have a case here. A job added to JOBS without either fails the first test.

type TCase = {
  /** a fresh, valid payload (called once per mode, so the two runs do not see each other's work) */
  payload: () => Promise<Record<string, unknown>>;
  /** what a successful run returns / leaves behind */
  check: (result: unknown, data: Record<string, unknown>) => Promise<void>;
};

const MANUAL =
  "# KF-7A 安装手册\n\n## 安装条件\n家用充电桩安装需要固定车位、物业同意，以及可以报装的独立电表。\n";

async function conversationPayload(action: "reply" | null) {
  const owner = await pipelineTenant();
  const res = await ask(owner.tenant.id, "退款多久到账？");
  await drainInProcessJobs(); // the pipeline's own events ran; the job below runs once more on purpose
  return action
    ? { tenantId: owner.tenant.id, conversationId: res.conversationId, messageId: res.messageId, action }
    : { tenantId: owner.tenant.id, conversationId: res.conversationId, reason: "closed" };
}

async function expectScored(result: unknown, data: Record<string, unknown>) {
  const client = await db();
  const conv = await client.conversation.findUniqueOrThrow({ where: { id: data.conversationId as string } });
  expect(result).toMatchObject({ contactId: conv.contactId, score: expect.any(Number) });
}

const CASES: Record<string, TCase> = {
  "reindex-knowledge": {
    payload: async () => ({ tenantId: (await pipelineTenant()).tenant.id, reason: "synonyms" }),
    // pipelineTenant's FAQ has five Q&A pairs, one chunk each
    check: async (result) => expect(result).toEqual({ chunks: 5 }),
  },
  "ingest-document": {
    payload: async () => {
      const { tenant, user } = await ownerWithTenant();
      const doc = await createDocument(tenant.id, user.id, {
        name: "kf7a.md",
        type: "",
        bytes: Buffer.from(MANUAL),
      });
      return { tenantId: tenant.id, documentId: doc.id };
    },
    check: async (result, data) => {
      expect(result).toMatchObject({ status: "READY", chunks: expect.any(Number) });
      const client = await db();
      const doc = await client.knowledgeDocument.findUniqueOrThrow({
        where: { id: data.documentId as string },
      });
      expect(doc.status).toBe("READY");
    },
  },
  "customers-rescore-on-message": { payload: () => conversationPayload("reply"), check: expectScored },
  "customers-rescore-on-close": { payload: () => conversationPayload(null), check: expectScored },
  "alerts-check": {
    payload: async () => ({ tenantId: (await pipelineTenant()).tenant.id }),
    check: async (result) =>
      expect(result).toMatchObject({
        opened: expect.any(Array),
        resolved: expect.any(Array),
        updated: expect.any(Array),
        emails: expect.any(Array),
      }),
  },
  "dashboard-rollup-tenant": {
    payload: async () => ({ tenantId: (await conversationPayload(null)).tenantId, reason: "manual" }),
    check: async (result) => {
      const { from, to } = result as { from: string; to: string };
      expect(Date.parse(to) - Date.parse(from)).toBeGreaterThan(0);
      expect(Date.parse(to)).toBeGreaterThanOrEqual(Date.now() - 3600_000);
    },
  },
  "dashboard-usage-rollup-tenant": {
    payload: async () => ({ tenantId: (await conversationPayload(null)).tenantId, reason: "manual" }),
    check: async (result) => expect(result).toEqual({ days: [expect.any(String), expect.any(String)] }),
  },
};

/** job id → the test file that runs it under @inngest/test and in-process, and the export it uses */
const COVERED_ELSEWHERE: Record<string, { file: string; symbol: string }> = {
  "send-invitation-email": { file: "invitation-email-job.test.ts", symbol: "sendInvitationEmail" },
  "notify-escalation": { file: "escalation-email.test.ts", symbol: "notifyEscalation" },
  "conversations-sweep-tenant": { file: "lifecycle-sweep.test.ts", symbol: "lifecycleSweep" },
  "customers-rescore-tenant": { file: "customers-scoring.test.ts", symbol: "nightlyRescore" },
  "extract-learning": { file: "learning-loop.test.ts", symbol: "extractLearning" },
  "sync-erp": { file: "erp-push-and-lookup.test.ts", symbol: "syncErpJob" },
};

const jobs = JOBS as TJobDefinition[];

describe("every job runs under @inngest/test and in-process", () => {
  it("each job has a case here or a test file that runs it both ways", () => {
    const uncovered = jobs.map((j) => j.id).filter((id) => !CASES[id] && !COVERED_ELSEWHERE[id]);
    expect(uncovered).toEqual([]);
    for (const [id, { file, symbol }] of Object.entries(COVERED_ELSEWHERE)) {
      expect(jobs.map((j) => j.id)).toContain(id);
      const text = readFileSync(join(import.meta.dirname, file), "utf8");
      expect(text).toContain(`InngestTestEngine({ function: ${symbol}.inngestFunction`);
      expect(text).toMatch(/runJobInProcess\(|drainInProcessJobs\(/);
    }
  });

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id}: @inngest/test (recorded in JobRun)`, async () => {
      const job = jobs.find((j) => j.id === id);
      if (!job) throw new Error(`${id} is not in JOBS`);
      const data = await c.payload();
      const client = await db();
      const since = new Date();
      const engine = new InngestTestEngine({ function: job.inngestFunction });
      const { result, error } = await engine.execute({ events: [{ name: job.event, data }] });
      expect(error).toBeUndefined();
      await c.check(result, data);
      const runs = await client.jobRun.findMany({
        where: {
          functionId: id,
          tenantId: (data.tenantId as string | undefined) ?? null,
          startedAt: { gte: since },
        },
      });
      expect(runs.map((r) => r.status)).toEqual(["SUCCEEDED"]);
    });

    it(`${id}: in-process runner (recorded in JobRun)`, async () => {
      const job = jobs.find((j) => j.id === id);
      if (!job) throw new Error(`${id} is not in JOBS`);
      const data = await c.payload();
      const client = await db();
      const before = await client.jobRun.count({
        where: { tenantId: data.tenantId as string, functionId: id },
      });
      const result = await runJobInProcess(job, data, { backoffMs: 10 });
      await c.check(result, data);
      const runs = await client.jobRun.findMany({
        where: { tenantId: data.tenantId as string, functionId: id },
        orderBy: { startedAt: "asc" },
      });
      expect(runs).toHaveLength(before + 1);
      expect(runs.at(-1)?.status).toBe("SUCCEEDED");
    });
  }
});

describe("every schedule ticks under @inngest/test and in-process", () => {
  for (const s of SCHEDULES)
    it(`${s.id}: the cron function and the timer's tick both emit and finish`, async () => {
      await ownerWithTenant(); // at least one tenant, so fan-outs over tenants have something to do
      const engine = new InngestTestEngine({ function: s.inngestFunction });
      const { result, error } = await engine.execute();
      expect(error).toBeUndefined();
      const direct = await s.tick();
      expect(typeof result).toBe("object");
      expect(Object.keys(result as object).sort()).toEqual(Object.keys(direct as object).sort());
      await drainInProcessJobs();
    });
});
