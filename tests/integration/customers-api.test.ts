import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { rescoreContact } from "../../server/services/customers/score-contact";
import { errorCode, memberOf, ownerWithTenant } from "./helpers";
import { addOrder, seedCustomer } from "./customers-helpers";

type TOwner = Awaited<ReturnType<typeof ownerWithTenant>>;
let owner: TOwner;
let ids: Record<"white" | "gray" | "black" | "vip" | "unseen", string>;

beforeAll(async () => {
  owner = await ownerWithTenant();
  const t = owner.tenant.id;
  const mk = (o: Parameters<typeof seedCustomer>[1]) => seedCustomer(t, o).then((c) => c.id);
  ids = {
    white: await mk({ name: "王白", phone: "13800000001", score: 90, lastSeenDaysAgo: 3 }),
    gray: await mk({ name: "李灰", phone: "13800000002", score: 60, lastSeenDaysAgo: 1, state: "DEAL" }),
    black: await mk({ name: "张黑", phone: "13900000003", score: 10, lastSeenDaysAgo: 2 }),
    vip: await mk({ name: "赵贵宾", score: 60, lastSeenDaysAgo: 5, vip: true }),
    unseen: await mk({ name: "钱未见", score: 30, lastSeenDaysAgo: null }),
  };
  const client = await db();
  const levels = { white: "WHITE", gray: "GRAY", black: "BLACK", vip: "GRAY", unseen: "BLACK" } as const;
  for (const [k, id] of Object.entries(ids))
    await client.contact.updateMany({
      where: { id, tenantId: t },
      data: { level: levels[k as keyof typeof ids] },
    });
});

const list = (input: Record<string, unknown> = {}) =>
  owner.caller.customers.list({ tenantId: owner.tenant.id, ...input });

describe("customers.list", () => {
  it("sorts by last activity (never-seen last) and by score", async () => {
    expect((await list()).items.map((c) => c.id)).toEqual([
      ids.gray,
      ids.black,
      ids.white,
      ids.vip,
      ids.unseen,
    ]);
    const byScore = await list({ sort: "score", order: "asc" });
    expect(byScore.items.map((c) => c.score)).toEqual([10, 30, 60, 60, 90]);
  });

  it("filters by effective level, state, VIP and search on name or phone", async () => {
    expect((await list({ level: "BLACK" })).items.map((c) => c.id).sort()).toEqual(
      [ids.black, ids.unseen].sort(),
    );
    expect((await list({ state: "DEAL" })).items.map((c) => c.id)).toEqual([ids.gray]);
    expect((await list({ vip: true })).items.map((c) => c.id)).toEqual([ids.vip]);
    expect((await list({ search: "黑" })).items.map((c) => c.id)).toEqual([ids.black]);
    expect((await list({ search: "1380000" })).items).toHaveLength(2);
  });

  it("pages with a cursor without gaps or repeats, in both sorts", async () => {
    for (const sort of ["lastSeenAt", "score"] as const) {
      const all = (await list({ sort })).items.map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ sort, limit: 2, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });
});

describe("customers.get", () => {
  it("returns conversations, orders, score history oldest first and transitions", async () => {
    const t = owner.tenant.id;
    const c = await seedCustomer(t, { ratings: [5], recent: 1, dealAmount: 200 });
    await addOrder(t, c.id, 200);
    await rescoreContact(t, c.id);
    await rescoreContact(t, c.id, { now: new Date(Date.now() + 25 * 3600_000) }); // a day later
    const detail = await owner.caller.customers.get({ tenantId: t, contactId: c.id });
    expect(detail.conversations).toHaveLength(1);
    expect(detail.orders.map((o) => o.amount)).toEqual(["200.00"]);
    expect(detail.scoreHistory).toHaveLength(2);
    expect(detail.scoreHistory[0].createdAt.getTime()).toBeLessThanOrEqual(
      detail.scoreHistory[1].createdAt.getTime(),
    );
    expect(detail).toMatchObject({ score: 100, effectiveLevel: "WHITE", dealAmount: "200.00" });
  });
});

describe("manual level and VIP", () => {
  it("an override wins in list and detail until cleared, and is audited", async () => {
    const t = owner.tenant.id;
    const r = await owner.caller.customers.setLevelOverride({
      tenantId: t,
      contactId: ids.black,
      level: "WHITE",
    });
    expect(r).toMatchObject({ level: "BLACK", levelOverride: "WHITE", effectiveLevel: "WHITE" });
    expect((await list({ level: "WHITE" })).items.map((c) => c.id)).toContain(ids.black);
    await owner.caller.customers.setLevelOverride({ tenantId: t, contactId: ids.black, level: null });
    expect((await list({ level: "WHITE" })).items.map((c) => c.id)).not.toContain(ids.black);
    const audit = await owner.caller.audit.list({ tenantId: t });
    expect(JSON.stringify(audit)).toContain("customer.level_override");
  });

  it("sets and clears VIP", async () => {
    const t = owner.tenant.id;
    await owner.caller.customers.setVip({ tenantId: t, contactId: ids.gray, vip: true });
    expect((await list({ vip: true })).items.map((c) => c.id).sort()).toEqual([ids.gray, ids.vip].sort());
    await owner.caller.customers.setVip({ tenantId: t, contactId: ids.gray, vip: false });
  });

  it("a VIEWER reads but cannot write; an AGENT can write", async () => {
    const t = owner.tenant.id;
    const viewer = await memberOf(t, "VIEWER");
    expect((await viewer.caller.customers.list({ tenantId: t })).items.length).toBeGreaterThan(0);
    await viewer.caller.customers.get({ tenantId: t, contactId: ids.white });
    expect(
      await errorCode(viewer.caller.customers.setVip({ tenantId: t, contactId: ids.white, vip: true })),
    ).toBe("FORBIDDEN");
    expect(
      await errorCode(
        viewer.caller.customers.setLevelOverride({ tenantId: t, contactId: ids.white, level: "BLACK" }),
      ),
    ).toBe("FORBIDDEN");
    const agent = await memberOf(t, "AGENT");
    const r = await agent.caller.customers.setVip({ tenantId: t, contactId: ids.white, vip: true });
    expect(r.vip).toBe(true);
  });

  it("an unknown contact is NOT_FOUND", async () => {
    const t = owner.tenant.id;
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await errorCode(owner.caller.customers.get({ tenantId: t, contactId: missing }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await errorCode(owner.caller.customers.setVip({ tenantId: t, contactId: missing, vip: true })),
    ).toBe("NOT_FOUND");
  });
});
