import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyEscalation } from "../../inngest/functions/conversations/notify-escalation";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { escalationRecipients } from "../../server/services/lifecycle/escalation-email";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { startSmtpPeer } from "../fakes/smtp-peer";
import { memberOf, uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// Escalation e-mails through a real SMTP peer: a transfer in working hours tells the tenant someone
// waits in the queue; outside working hours the transfer becomes a ticket whose e-mail carries the
// customer's messages. Without a notification address the owners and admins get it.

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

async function transferRequest(tenantId: string, text = "我要转人工，订单一直没发货") {
  const res = await processIncomingMessage({
    tenantId,
    channel: "API",
    contact: { externalId: `c-${uniq()}`, name: "张先生" },
    text,
  });
  expect(res.action).toBe("transfer");
  return res.conversationId;
}

const mailsTo = (address: string, from: number) =>
  smtp.received.slice(from).filter((m) => m.to.includes(address));

async function jobStatuses(tenantId: string) {
  const client = await db();
  const runs = await client.jobRun.findMany({
    where: { tenantId, functionId: "notify-escalation" },
    orderBy: { startedAt: "asc" },
  });
  return runs.map((r) => r.status);
}

describe("escalation e-mails", () => {
  it("a transfer in working hours e-mails the notification address with a link to the conversation", async () => {
    const address = `ops-${uniq()}@example.com`;
    const owner = await pipelineTenant({ notificationEmail: address });
    const before = smtp.received.length;
    const conversationId = await transferRequest(owner.tenant.id);
    await drainInProcessJobs();
    const client = await db();
    expect((await client.conversation.findUniqueOrThrow({ where: { id: conversationId } })).status).toBe(
      "PENDING_HUMAN",
    );
    const mails = mailsTo(address, before);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("有会话已转入人工队列");
    expect(mails[0].text).toContain(`/inbox/${conversationId}`);
    expect(mails[0].text).toContain("我要转人工，订单一直没发货");
    // each line carries its UTC time as stored
    const asked = await client.message.findFirstOrThrow({ where: { conversationId, role: "CUSTOMER" } });
    const at = asked.createdAt.toISOString().slice(0, 16).replace("T", " ");
    expect(mails[0].text).toContain(`${at} `);
    expect(await jobStatuses(owner.tenant.id)).toEqual(["SUCCEEDED"]);
  });

  it("after hours the ticket e-mail goes to the owners and admins when no address is set", async () => {
    const owner = await pipelineTenant({ open: false });
    const admin = await memberOf(owner.tenant.id, "ADMIN");
    const agent = await memberOf(owner.tenant.id, "AGENT");
    expect((await escalationRecipients(owner.tenant.id)).sort()).toEqual(
      [owner.user.email, admin.user.email].sort(),
    );
    const before = smtp.received.length;
    const conversationId = await transferRequest(owner.tenant.id, "人工客服，充电桩坏了");
    await drainInProcessJobs();
    const client = await db();
    expect((await client.conversation.findUniqueOrThrow({ where: { id: conversationId } })).status).toBe(
      "TICKET",
    );
    const mails = smtp.received.slice(before).filter((m) => m.to.includes(owner.user.email));
    expect(mails).toHaveLength(1);
    expect(mails[0].to.sort()).toEqual([owner.user.email, admin.user.email].sort());
    expect(mails[0].to).not.toContain(agent.user.email);
    expect(mails[0].text).toContain("客户在非工作时间请求人工服务");
    expect(mails[0].text).toContain("人工客服，充电桩坏了");
    expect(await jobStatuses(owner.tenant.id)).toEqual(["SUCCEEDED"]);
  });

  it("does not mail a live escalation an agent already took, and the ticket of a closed one", async () => {
    const address = `ops-${uniq()}@example.com`;
    const owner = await pipelineTenant({ notificationEmail: address });
    const conversationId = await transferRequest(owner.tenant.id);
    await drainInProcessJobs();
    const client = await db();
    await client.conversation.update({
      where: { id: conversationId },
      data: { status: "HUMAN", assigneeId: owner.user.id },
    });
    const before = smtp.received.length;
    const live = await runJobInProcess(notifyEscalation as never, {
      tenantId: owner.tenant.id,
      conversationId,
      reason: "keyword",
      afterHours: false,
      status: "PENDING_HUMAN",
    });
    expect(live).toEqual({ sent: false, reason: "already handled: the conversation left the queue" });
    await client.conversation.update({ where: { id: conversationId }, data: { status: "CLOSED" } });
    const ticket = await runJobInProcess(notifyEscalation as never, {
      tenantId: owner.tenant.id,
      conversationId,
      reason: "keyword",
      afterHours: true,
      status: "TICKET",
    });
    expect(ticket).toEqual({ sent: false, reason: "the conversation is closed" });
    expect(mailsTo(address, before)).toEqual([]);
  });

  it("retries a temporary SMTP failure and delivers once; runs under @inngest/test", async () => {
    const address = `ops-${uniq()}@example.com`;
    const owner = await pipelineTenant({ open: false, notificationEmail: address });
    const conversationId = await transferRequest(owner.tenant.id);
    await drainInProcessJobs();
    const event = {
      tenantId: owner.tenant.id,
      conversationId,
      reason: "keyword",
      afterHours: true,
      status: "TICKET" as const,
    };
    smtp.refuse(1);
    const before = smtp.received.length;
    const res = await runJobInProcess(notifyEscalation as never, event, { backoffMs: 10 });
    expect(res).toMatchObject({ sent: true, to: [address] });
    expect(mailsTo(address, before)).toHaveLength(1);

    const engine = new InngestTestEngine({ function: notifyEscalation.inngestFunction });
    const { result } = await engine.execute({
      events: [{ name: "kefu/conversation.escalated", data: event }],
    });
    expect(result).toMatchObject({ sent: true, to: [address] });
    expect(mailsTo(address, before)).toHaveLength(2);
  });

  it("a tenant's escalation never reaches another tenant's address", async () => {
    const a = `a-${uniq()}@example.com`;
    const b = `b-${uniq()}@example.com`;
    const ta = await pipelineTenant({ notificationEmail: a });
    await pipelineTenant({ notificationEmail: b });
    const before = smtp.received.length;
    await transferRequest(ta.tenant.id);
    await drainInProcessJobs();
    expect(mailsTo(a, before)).toHaveLength(1);
    expect(mailsTo(b, before)).toEqual([]);
  });
});
