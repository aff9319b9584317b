import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { caught, memberOf, ownerWithTenant } from "./helpers";

const fieldOf = (e: { cause?: unknown }) => (e.cause as { field?: string } | undefined)?.field;

describe("canned replies", () => {
  it("creates, lists, searches, updates and deletes, recording each change", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    expect(await caller.cannedReplies.list({ tenantId: t })).toEqual([]);

    const ship = await caller.cannedReplies.create({
      tenantId: t,
      shortcut: "/ship", // a typed slash is dropped
      content: "  现货 48 小时内发货。 ",
    });
    expect(ship).toMatchObject({ shortcut: "ship", content: "现货 48 小时内发货。" });
    expect(ship.updatedAt).toBeInstanceOf(Date);
    await caller.cannedReplies.create({ tenantId: t, shortcut: "退款", content: "退款 1-3 个工作日到账。" });
    await caller.cannedReplies.create({
      tenantId: t,
      shortcut: "hello_1",
      content: "您好，请问有什么可以帮您？",
    });
    await caller.cannedReplies.create({ tenantId: t, shortcut: "re-ship", content: "补发会在今天安排。" });
    await caller.cannedReplies.create({
      tenantId: t,
      shortcut: "delay",
      content: "物流延迟，ship 信息稍后更新。",
    });

    const all = await caller.cannedReplies.list({ tenantId: t });
    expect(all.map((r) => r.shortcut)).toEqual(["delay", "hello_1", "re-ship", "ship", "退款"]);
    expect(Object.keys(all[0]).sort()).toEqual(["content", "id", "shortcut", "updatedAt"]);

    // the composer types "/sh": shortcuts starting with it first, then containing it, then content
    const sh = await caller.cannedReplies.list({ tenantId: t, search: "SHIP" });
    expect(sh.map((r) => r.shortcut)).toEqual(["ship", "re-ship", "delay"]);
    expect(
      (await caller.cannedReplies.list({ tenantId: t, search: "工作日" })).map((r) => r.shortcut),
    ).toEqual(["退款"]);
    expect(await caller.cannedReplies.list({ tenantId: t, search: "没有这个" })).toEqual([]);

    const edited = await caller.cannedReplies.update({
      tenantId: t,
      cannedReplyId: ship.id,
      content: "现货 24 小时内发货。",
    });
    expect(edited).toMatchObject({ id: ship.id, shortcut: "ship", content: "现货 24 小时内发货。" });
    const renamed = await caller.cannedReplies.update({
      tenantId: t,
      cannedReplyId: ship.id,
      shortcut: "发货",
    });
    expect(renamed).toMatchObject({ shortcut: "发货", content: "现货 24 小时内发货。" });

    expect(await caller.cannedReplies.delete({ tenantId: t, cannedReplyId: ship.id })).toEqual({ ok: true });
    expect((await caller.cannedReplies.list({ tenantId: t })).map((r) => r.id)).not.toContain(ship.id);
    expect((await caught(caller.cannedReplies.delete({ tenantId: t, cannedReplyId: ship.id }))).code).toBe(
      "NOT_FOUND",
    );

    const client = await db();
    const actions = await client.auditLog.findMany({
      where: { tenantId: t, action: { startsWith: "canned_reply." } },
      select: { action: true },
    });
    const count = (a: string) => actions.filter((x) => x.action === a).length;
    expect([
      count("canned_reply.created"),
      count("canned_reply.updated"),
      count("canned_reply.deleted"),
    ]).toEqual([5, 2, 1]);
  });

  it("validates shortcut and content and refuses a duplicate shortcut with CONFLICT on the field", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const first = await caller.cannedReplies.create({ tenantId: t, shortcut: "ship", content: "a" });
    const dup = await caught(caller.cannedReplies.create({ tenantId: t, shortcut: "ship", content: "b" }));
    expect(dup.code).toBe("CONFLICT");
    expect(fieldOf(dup)).toBe("shortcut");
    const other = await caller.cannedReplies.create({ tenantId: t, shortcut: "other", content: "c" });
    const renameDup = await caught(
      caller.cannedReplies.update({ tenantId: t, cannedReplyId: other.id, shortcut: "ship" }),
    );
    expect(renameDup.code).toBe("CONFLICT");
    expect(fieldOf(renameDup)).toBe("shortcut");

    for (const shortcut of ["", "has space", "a".repeat(33), "semi;colon", "<b>", "/"]) {
      const bad = await caught(caller.cannedReplies.create({ tenantId: t, shortcut, content: "x" }));
      expect(bad.code, shortcut).toBe("BAD_REQUEST");
    }
    for (const content of ["   ", "x".repeat(2001)]) {
      const bad = await caught(caller.cannedReplies.create({ tenantId: t, shortcut: "ok", content }));
      expect(bad.code).toBe("BAD_REQUEST");
    }
    expect(
      await caller.cannedReplies.create({ tenantId: t, shortcut: "a".repeat(32), content: "y".repeat(2000) }),
    ).toMatchObject({ shortcut: "a".repeat(32) });
    // the same shortcut in another tenant is fine
    const other2 = await ownerWithTenant();
    await other2.caller.cannedReplies.create({ tenantId: other2.tenant.id, shortcut: "ship", content: "d" });
    expect((await caller.cannedReplies.list({ tenantId: t, search: "ship" })).map((r) => r.id)).toEqual([
      first.id,
    ]);
  });

  it("agents read canned replies; only admins and the owner change them", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const row = await caller.cannedReplies.create({ tenantId: t, shortcut: "hi", content: "您好" });
    const agent = await memberOf(t, "AGENT");
    const admin = await memberOf(t, "ADMIN");
    const viewer = await memberOf(t, "VIEWER");
    expect((await agent.caller.cannedReplies.list({ tenantId: t })).map((r) => r.shortcut)).toEqual(["hi"]);
    for (const call of [
      agent.caller.cannedReplies.create({ tenantId: t, shortcut: "x", content: "x" }),
      agent.caller.cannedReplies.update({ tenantId: t, cannedReplyId: row.id, content: "x" }),
      agent.caller.cannedReplies.delete({ tenantId: t, cannedReplyId: row.id }),
      viewer.caller.cannedReplies.list({ tenantId: t }),
    ])
      expect((await caught(call)).code).toBe("FORBIDDEN");
    await admin.caller.cannedReplies.update({ tenantId: t, cannedReplyId: row.id, content: "您好！" });
    expect((await agent.caller.cannedReplies.list({ tenantId: t }))[0].content).toBe("您好！");
  });
});
