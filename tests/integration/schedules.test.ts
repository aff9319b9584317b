import { describe, expect, it } from "vitest";
import { SCHEDULES } from "../../inngest/functions";
import { nightlyRescoreSchedule } from "../../inngest/functions/customers/nightly-rescore-schedule";
import { drainInProcessJobs } from "../../inngest/runner";
import { startInProcessSchedules } from "../../inngest/schedule";
import { db } from "../../server/db/client";
import { seedCustomer } from "./customers-helpers";
import { ownerWithTenant } from "./helpers";

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
