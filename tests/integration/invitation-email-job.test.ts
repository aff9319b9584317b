import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { sendInvitationEmail } from "../../inngest/functions/invitations/send-invitation-email";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { startSmtpPeer } from "../fakes/smtp-peer";
import { ownerWithTenant, uniq } from "./helpers";

let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Kefu <no-reply@kefu.test>";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  reloadEnv();
  await smtp.close();
});

async function invite(role: "AGENT" | "VIEWER" = "AGENT") {
  const owner = await ownerWithTenant("华东仓储");
  const email = `invitee-${uniq()}@example.com`;
  const res = await owner.caller.invitations.create({ tenantId: owner.tenant.id, email, role });
  return { ...owner, email, res };
}

function eventFor(x: Awaited<ReturnType<typeof invite>>) {
  return {
    name: "kefu/invitation.created" as const,
    data: {
      tenantId: x.tenant.id,
      invitationId: x.res.id,
      email: x.email,
      role: "AGENT",
      tenantName: "华东仓储",
      inviterName: "Owner",
      language: "zh-CN",
      link: x.res.link,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  };
}

describe("send-invitation-email job", () => {
  it("creating an invitation with SMTP configured sends the email through the in-process runner", async () => {
    const before = smtp.received.length;
    const x = await invite();
    expect(x.res.emailQueued).toBe(true);
    await drainInProcessJobs();
    const mail = smtp.received.slice(before).find((m) => m.to.includes(x.email));
    expect(mail?.raw).toContain(x.res.link.split("/invite/")[1]);
    const client = await db();
    const runs = await client.jobRun.findMany({
      where: { tenantId: x.tenant.id, functionId: "send-invitation-email" },
    });
    expect(runs.map((r) => r.status)).toEqual(["SUCCEEDED"]);
  });

  it("runs under Inngest's own test engine (@inngest/test)", async () => {
    const x = await invite();
    await drainInProcessJobs();
    const before = smtp.received.length;
    const engine = new InngestTestEngine({ function: sendInvitationEmail.inngestFunction });
    const { result } = await engine.execute({ events: [eventFor(x)] });
    expect(result).toMatchObject({ sent: true });
    expect(smtp.received.length).toBe(before + 1);
  });

  it("skips invitations that were revoked before the job ran", async () => {
    const x = await invite();
    await drainInProcessJobs();
    await x.caller.invitations.revoke({ tenantId: x.tenant.id, invitationId: x.res.id });
    const before = smtp.received.length;
    const result = await runJobInProcess(sendInvitationEmail as never, eventFor(x).data);
    expect(result).toEqual({ sent: false, reason: "invitation is no longer pending" });
    expect(smtp.received.length).toBe(before);
  });

  it("retries a temporary SMTP failure and then delivers once", async () => {
    const x = await invite();
    await drainInProcessJobs();
    smtp.refuse(1);
    const before = smtp.received.length;
    const result = await runJobInProcess(sendInvitationEmail as never, eventFor(x).data, { backoffMs: 10 });
    expect(result).toMatchObject({ sent: true });
    expect(smtp.received.length).toBe(before + 1);
    const client = await db();
    const statuses = (
      await client.jobRun.findMany({ where: { tenantId: x.tenant.id }, orderBy: { startedAt: "asc" } })
    ).map((r) => r.status);
    expect(statuses).toEqual(["SUCCEEDED", "SUCCEEDED"]);
  });

  it("rejects an invalid payload before anything runs", async () => {
    await expect(emit("kefu/invitation.created", { tenantId: "not-a-uuid" } as never)).rejects.toThrow();
  });
});
