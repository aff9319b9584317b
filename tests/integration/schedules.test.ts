import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../inngest/functions";
import { nightlyRescoreSchedule } from "../../inngest/functions/customers/nightly-rescore-schedule";
import { drainInProcessJobs } from "../../inngest/runner";
import { startInProcessSchedules } from "../../inngest/schedule";
import { db } from "../../server/db/client";
import { seedCustomer } from "./customers-helpers";
import { ownerWithTenant } from "./helpers";
import { pruneJobRuns } from "../../server/services/system/prune-job-runs";

// The nightly tick emits one re-score per tenant; the jobs (in-process here) score every customer.
describe("schedules", () => {
  it("the nightly tick re-scores the customers of every tenant", async () => {
    const a = await ownerWithTenant();
    const b = await ownerWithTenant();
    const ca = await seedCustomer(a.tenant.id, { ratings: [5], recent: 2 });
    const cb = await seedCustomer(b.tenant.id, { ratings: [1], old: 3 });
    const r = (await nightlyRescoreSchedule.tick()) as { tenants: number };
    expect(r.tenants).toBeGreaterThanOrEqual(2);
    await drainInProcessJobs();
    const client = await db();
    const scored = await client.contactScore.findMany({ where: { contactId: { in: [ca.id, cb.id] } } });
    expect(new Set(scored.map((s) => s.contactId))).toEqual(new Set([ca.id, cb.id]));
    const runs = await client.jobRun.findMany({
      where: { tenantId: { in: [a.tenant.id, b.tenant.id] }, functionId: "customers-rescore-tenant" },
    });
    expect(runs.map((x) => x.status).sort()).toEqual(["SUCCEEDED", "SUCCEEDED"]);
  });

  it("every schedule has an Inngest cron and an in-process period; timers stop", async () => {
    for (const s of SCHEDULES) {
      expect(s.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
      expect(s.everyMs).toBeGreaterThanOrEqual(60_000);
    }
    const stop = startInProcessSchedules(SCHEDULES);
    stop();
  });
});

describe("job-run retention", () => {
  it("deletes successful runs after a week and failed runs after a month, nothing newer", async () => {
    const { tenant } = await ownerWithTenant();
    const client = await db();
    const now = new Date("2026-06-30T12:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600_000);
    const rows = [
      { status: "SUCCEEDED", startedAt: daysAgo(8), keep: false },
      { status: "SUCCEEDED", startedAt: daysAgo(6), keep: true },
      { status: "FAILED", startedAt: daysAgo(8), keep: true },
      { status: "FAILED", startedAt: daysAgo(31), keep: false },
    ];
    const made = await Promise.all(
      rows.map((r) =>
        client.jobRun.create({
          data: { tenantId: tenant.id, functionId: "prune-test", status: r.status, startedAt: r.startedAt },
        }),
      ),
    );
    const { deleted } = await pruneJobRuns(now);
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await client.jobRun.findMany({ where: { tenantId: tenant.id, functionId: "prune-test" } });
    expect(new Set(left.map((r) => r.id))).toEqual(
      new Set(made.filter((_, i) => rows[i].keep).map((r) => r.id)),
    );
  });
});
