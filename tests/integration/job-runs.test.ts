import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import type { TJobDefinition } from "../../inngest/define";
import { RUNNING_ROW_AFTER_MS } from "../../inngest/job-runs";
import { runJobInProcess } from "../../inngest/runner";
import { ownerWithTenant, uniq } from "./helpers";

// An in-process run is one JobRun row written when it ends; a run longer than RUNNING_ROW_AFTER_MS
// shows as RUNNING meanwhile (the System page, the re-index status) and is finished in place.

function job(id: string, run: () => Promise<unknown>, retries = 0): TJobDefinition {
  return { id, event: "kefu/message.processed", retries, run } as unknown as TJobDefinition;
}

const rowsOf = async (functionId: string) =>
  (await db()).jobRun.findMany({ where: { functionId }, orderBy: { startedAt: "asc" } });

describe("job run records", () => {
  it("a quick run is one finished row", async () => {
    const { tenant } = await ownerWithTenant();
    const id = `quick-${uniq()}`;
    await runJobInProcess(
      job(id, async () => "done"),
      { tenantId: tenant.id },
    );
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUCCEEDED", error: null, tenantId: tenant.id });
    expect(rows[0].finishedAt!.getTime()).toBeGreaterThanOrEqual(rows[0].startedAt.getTime());
  });

  it("a long run is RUNNING while it runs, then finished in the same row", async () => {
    const id = `long-${uniq()}`;
    let release!: () => void;
    const running = runJobInProcess(
      job(id, () => new Promise<void>((r) => (release = r))),
      {},
    );
    await new Promise((r) => setTimeout(r, RUNNING_ROW_AFTER_MS + 300));
    expect((await rowsOf(id)).map((r) => r.status)).toEqual(["RUNNING"]);
    release();
    await running;
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.status)).toEqual(["SUCCEEDED"]);
    expect(rows[0].finishedAt).not.toBeNull();
  });

  it("a failed quick run is recorded with its error, and a missing tenant does not fail the job", async () => {
    const id = `failing-${uniq()}`;
    await expect(
      runJobInProcess(
        job(id, async () => Promise.reject(new Error("boom"))),
        {},
      ),
    ).rejects.toThrow("boom");
    expect(await rowsOf(id)).toMatchObject([{ status: "FAILED", error: "boom" }]);
    const gone = `gone-${uniq()}`;
    await expect(
      runJobInProcess(
        job(gone, async () => "ok"),
        { tenantId: "00000000-0000-4000-8000-000000000000" },
      ),
    ).resolves.toBe("ok");
    expect(await rowsOf(gone)).toHaveLength(0);
  });
});
