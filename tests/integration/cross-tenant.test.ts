import { beforeAll, describe, expect, it } from "vitest";
import { ingestDocument } from "../../server/services/knowledge/documents/ingest-document";
import { createDocument } from "../../server/services/knowledge/documents/manage-documents";
import { createPairingCode, pairDevice } from "../../server/services/devices/pairing";
import { db } from "../../server/db/client";
import { loadMemoryIndex } from "../../server/services/knowledge/search/memory-index";
import { loadTermStats } from "../../server/services/knowledge/stats/term-stats";
import { appRouter } from "../../server/trpc/root";
import { caught, memberOf, ownerWithTenant, uniq } from "./helpers";
import { seedLearned } from "./learning-helpers";
import { seedConversation } from "./workbench-helpers";

// Tenant isolation: tenant A's owner calls every tenant-scoped procedure (1) with tenant B's id and
// (2) with A's own tenant id but B's resource ids. Every call must fail with NOT_FOUND or FORBIDDEN
// and B's data must be unchanged. The table must cover every tenant procedure the router has.

type TCaller = Awaited<ReturnType<typeof ownerWithTenant>>["caller"];
type TIds = {
  documentId: string;
  chunkId: string;
  termId: string;
  synonymGroupId: string;
  tenantId: string;
  membershipId: string;
  invitationId: string;
  apiKeyId: string;
  qaPairId: string;
  slug: string;
  providerId: string;
  ruleId: string;
  deviceId: string;
  cannedReplyId: string;
  contactId: string;
  agentUserId: string;
  conversationId: string;
  transferId: string;
  learnedId: string;
  autoLearnedId: string;
  erpConnectionId: string;
  syncRunId: string;
};

const CSV = Buffer.from("问题,答案\n偷来的问题,偷来的答案\n").toString("base64");
type TCall = (c: TCaller, ids: TIds) => Promise<unknown>;

/** takeOver answers "not found" as a result (the workbench shows it), not as an error */
const refusedUnlessOk = async (p: Promise<{ ok: boolean; reason?: string }>) => {
  const r = await p;
  if (!r.ok && r.reason === "not_found") throw Object.assign(new Error("not found"), { code: "NOT_FOUND" });
  return r;
};

const ERP_FORM = {
  kind: "ZHIBANG" as const,
  name: "stolen",
  baseUrl: "http://erp.example.com",
  credentials: { username: "x", password: "y" },
  config: {},
  schedule: "off" as const,
  enabled: true,
};

const CALLS: Record<string, TCall> = {
  "tenant.get": (c, i) => c.tenant.get({ tenantId: i.tenantId }),
  "tenant.update": (c, i) => c.tenant.update({ tenantId: i.tenantId, name: "Taken over" }),
  "tenant.transferOwnership": (c, i) =>
    c.tenant.transferOwnership({ tenantId: i.tenantId, membershipId: i.membershipId }),
  "tenant.delete": (c, i) => c.tenant.delete({ tenantId: i.tenantId, confirmSlug: i.slug }),
  "members.list": (c, i) => c.members.list({ tenantId: i.tenantId }),
  "members.changeRole": (c, i) =>
    c.members.changeRole({ tenantId: i.tenantId, membershipId: i.membershipId, role: "VIEWER" }),
  "members.remove": (c, i) => c.members.remove({ tenantId: i.tenantId, membershipId: i.membershipId }),
  "invitations.list": (c, i) => c.invitations.list({ tenantId: i.tenantId }),
  "invitations.create": (c, i) =>
    c.invitations.create({ tenantId: i.tenantId, email: `x-${uniq()}@example.com`, role: "AGENT" }),
  "invitations.revoke": (c, i) =>
    c.invitations.revoke({ tenantId: i.tenantId, invitationId: i.invitationId }),
  "apiKeys.list": (c, i) => c.apiKeys.list({ tenantId: i.tenantId }),
  "apiKeys.create": (c, i) => c.apiKeys.create({ tenantId: i.tenantId, name: "stolen" }),
  "apiKeys.revoke": (c, i) => c.apiKeys.revoke({ tenantId: i.tenantId, apiKeyId: i.apiKeyId }),
  "audit.list": (c, i) => c.audit.list({ tenantId: i.tenantId }),
  "knowledge.qa.list": (c, i) => c.knowledge.qa.list({ tenantId: i.tenantId }),
  "knowledge.qa.create": (c, i) =>
    c.knowledge.qa.create({ tenantId: i.tenantId, question: "q", answer: "a" }),
  "knowledge.qa.update": (c, i) =>
    c.knowledge.qa.update({ tenantId: i.tenantId, qaPairId: i.qaPairId, answer: "hijacked" }),
  "knowledge.qa.setEnabled": (c, i) =>
    c.knowledge.qa.setEnabled({ tenantId: i.tenantId, qaPairId: i.qaPairId, enabled: false }),
  "knowledge.qa.delete": (c, i) => c.knowledge.qa.delete({ tenantId: i.tenantId, qaPairId: i.qaPairId }),
  "knowledge.import.preview": (c, i) =>
    c.knowledge.import.preview({ tenantId: i.tenantId, fileName: "x.csv", contentBase64: CSV }),
  "knowledge.import.commit": (c, i) =>
    c.knowledge.import.commit({ tenantId: i.tenantId, fileName: "x.csv", contentBase64: CSV }),
  "knowledge.search": (c, i) => c.knowledge.search({ tenantId: i.tenantId, query: "退款" }),
  "knowledge.documents.list": (c, i) => c.knowledge.documents.list({ tenantId: i.tenantId }),
  "knowledge.documents.chunks": (c, i) =>
    c.knowledge.documents.chunks({ tenantId: i.tenantId, documentId: i.documentId }),
  "knowledge.documents.get": (c, i) =>
    c.knowledge.documents.get({ tenantId: i.tenantId, documentId: i.documentId }),
  "knowledge.documents.updateChunk": (c, i) =>
    c.knowledge.documents.updateChunk({ tenantId: i.tenantId, chunkId: i.chunkId, content: "偷改" }),
  "knowledge.documents.setEnabled": (c, i) =>
    c.knowledge.documents.setEnabled({ tenantId: i.tenantId, documentId: i.documentId, enabled: false }),
  "knowledge.documents.delete": (c, i) =>
    c.knowledge.documents.delete({ tenantId: i.tenantId, documentId: i.documentId }),
  "knowledge.documents.reindex": (c, i) =>
    c.knowledge.documents.reindex({ tenantId: i.tenantId, documentId: i.documentId }),
  "knowledge.lexicon.get": (c, i) => c.knowledge.lexicon.get({ tenantId: i.tenantId }),
  "knowledge.lexicon.addTerms": (c, i) =>
    c.knowledge.lexicon.addTerms({ tenantId: i.tenantId, terms: ["偷词"] }),
  "knowledge.lexicon.removeTerm": (c, i) =>
    c.knowledge.lexicon.removeTerm({ tenantId: i.tenantId, termId: i.termId }),
  "knowledge.lexicon.saveSynonyms": (c, i) =>
    c.knowledge.lexicon.saveSynonyms({
      tenantId: i.tenantId,
      synonymGroupId: i.synonymGroupId,
      terms: ["甲", "乙"],
    }),
  "knowledge.lexicon.deleteSynonyms": (c, i) =>
    c.knowledge.lexicon.deleteSynonyms({ tenantId: i.tenantId, synonymGroupId: i.synonymGroupId }),
  "knowledge.settings.get": (c, i) => c.knowledge.settings.get({ tenantId: i.tenantId }),
  "knowledge.settings.update": (c, i) =>
    c.knowledge.settings.update({ tenantId: i.tenantId, keywordWeight: 7 }),
  "knowledge.indexStatus": (c, i) => c.knowledge.indexStatus({ tenantId: i.tenantId }),
  "knowledge.reindex": (c, i) => c.knowledge.reindex({ tenantId: i.tenantId }),
  "aiProviders.list": (c, i) => c.aiProviders.list({ tenantId: i.tenantId }),
  "aiProviders.create": (c, i) =>
    c.aiProviders.create({ tenantId: i.tenantId, kind: "OPENAI", model: "stolen", apiKey: "sk-stolen-key" }),
  "aiProviders.update": (c, i) =>
    c.aiProviders.update({ tenantId: i.tenantId, providerId: i.providerId, apiKey: "sk-hijacked-key" }),
  "aiProviders.setEnabled": (c, i) =>
    c.aiProviders.setEnabled({ tenantId: i.tenantId, providerId: i.providerId, enabled: false }),
  "aiProviders.delete": (c, i) => c.aiProviders.delete({ tenantId: i.tenantId, providerId: i.providerId }),
  "aiProviders.reorder": (c, i) =>
    c.aiProviders.reorder({ tenantId: i.tenantId, purpose: "CHAT", providerIds: [i.providerId] }),
  "aiProviders.testConnection": (c, i) =>
    c.aiProviders.testConnection({ tenantId: i.tenantId, providerId: i.providerId }),
  "bot.get": (c, i) => c.bot.get({ tenantId: i.tenantId }),
  "bot.update": (c, i) => c.bot.update({ tenantId: i.tenantId, botName: "hijacked" }),
  "rules.list": (c, i) => c.rules.list({ tenantId: i.tenantId }),
  "rules.create": (c, i) =>
    c.rules.create({ tenantId: i.tenantId, type: "TRANSFER_KEYWORD", name: "x", config: { words: ["x"] } }),
  "rules.update": (c, i) =>
    c.rules.update({ tenantId: i.tenantId, ruleId: i.ruleId, config: { words: ["hijacked"] } }),
  "rules.setEnabled": (c, i) =>
    c.rules.setEnabled({ tenantId: i.tenantId, ruleId: i.ruleId, enabled: false }),
  "rules.delete": (c, i) => c.rules.delete({ tenantId: i.tenantId, ruleId: i.ruleId }),
  "rules.preview": (c, i) => c.rules.preview({ tenantId: i.tenantId, text: "转人工" }),
  "devices.list": (c, i) => c.devices.list({ tenantId: i.tenantId }),
  "devices.createPairingCode": (c, i) => c.devices.createPairingCode({ tenantId: i.tenantId }),
  "devices.downloadInfo": (c, i) => c.devices.downloadInfo({ tenantId: i.tenantId }),
  "devices.rename": (c, i) =>
    c.devices.rename({ tenantId: i.tenantId, deviceId: i.deviceId, name: "stolen" }),
  "devices.setPaused": (c, i) =>
    c.devices.setPaused({ tenantId: i.tenantId, deviceId: i.deviceId, paused: true }),
  "devices.reload": (c, i) => c.devices.reload({ tenantId: i.tenantId, deviceId: i.deviceId }),
  "devices.revoke": (c, i) => c.devices.revoke({ tenantId: i.tenantId, deviceId: i.deviceId }),
  "widgetSettings.get": (c, i) => c.widgetSettings.get({ tenantId: i.tenantId }),
  "widgetSettings.update": (c, i) =>
    c.widgetSettings.update({ tenantId: i.tenantId, allowedOrigins: ["https://thief.example.com"] }),
  "members.setCapacity": (c, i) =>
    c.members.setCapacity({ tenantId: i.tenantId, userId: i.agentUserId, maxConcurrent: 50 }),
  "cannedReplies.list": (c, i) => c.cannedReplies.list({ tenantId: i.tenantId }),
  "cannedReplies.create": (c, i) =>
    c.cannedReplies.create({ tenantId: i.tenantId, shortcut: "stolen", content: "stolen" }),
  "cannedReplies.update": (c, i) =>
    c.cannedReplies.update({ tenantId: i.tenantId, cannedReplyId: i.cannedReplyId, content: "hijacked" }),
  "cannedReplies.delete": (c, i) =>
    c.cannedReplies.delete({ tenantId: i.tenantId, cannedReplyId: i.cannedReplyId }),
  "customers.list": (c, i) => c.customers.list({ tenantId: i.tenantId }),
  "customers.get": (c, i) => c.customers.get({ tenantId: i.tenantId, contactId: i.contactId }),
  "customers.setLevelOverride": (c, i) =>
    c.customers.setLevelOverride({ tenantId: i.tenantId, contactId: i.contactId, level: "WHITE" }),
  "customers.setVip": (c, i) =>
    c.customers.setVip({ tenantId: i.tenantId, contactId: i.contactId, vip: true }),
  "supportSettings.get": (c, i) => c.supportSettings.get({ tenantId: i.tenantId }),
  "lifecycle.settings": (c, i) => c.lifecycle.settings({ tenantId: i.tenantId }),
  "lifecycle.updateSettings": (c, i) =>
    c.lifecycle.updateSettings({ tenantId: i.tenantId, CHAT: { idle: 1, dormant: 2, expired: 3 } }),
  "supportSettings.update": (c, i) =>
    c.supportSettings.update({
      tenantId: i.tenantId,
      sla: { firstResponseMinutes: { urgent: 1 } },
      notificationEmail: "thief@example.com",
      vipDirectToHuman: false,
    }),
  "workbench.inbox": (c, i) => c.workbench.inbox({ tenantId: i.tenantId, view: "all" }),
  "workbench.counts": (c, i) => c.workbench.counts({ tenantId: i.tenantId }),
  "workbench.agents": (c, i) => c.workbench.agents({ tenantId: i.tenantId }),
  "workbench.me": (c, i) => c.workbench.me({ tenantId: i.tenantId }),
  "workbench.setPresence": (c, i) => c.workbench.setPresence({ tenantId: i.tenantId, presence: "AWAY" }),
  "workbench.conversation": (c, i) =>
    c.workbench.conversation({ tenantId: i.tenantId, conversationId: i.conversationId }),
  "workbench.customer": (c, i) =>
    c.workbench.customer({ tenantId: i.tenantId, conversationId: i.conversationId }),
  "workbench.takeOver": (c, i) =>
    refusedUnlessOk(c.workbench.takeOver({ tenantId: i.tenantId, conversationId: i.conversationId })),
  "workbench.reply": (c, i) =>
    c.workbench.reply({ tenantId: i.tenantId, conversationId: i.conversationId, text: "hijacked" }),
  "workbench.note": (c, i) =>
    c.workbench.note({ tenantId: i.tenantId, conversationId: i.conversationId, text: "hijacked" }),
  "workbench.transfer": (c, i) =>
    c.workbench.transfer({ tenantId: i.tenantId, conversationId: i.conversationId, toUserId: i.agentUserId }),
  "workbench.respondTransfer": (c, i) =>
    c.workbench.respondTransfer({ tenantId: i.tenantId, transferId: i.transferId, accept: true }),
  "workbench.cancelTransfer": (c, i) =>
    c.workbench.cancelTransfer({ tenantId: i.tenantId, transferId: i.transferId }),
  "workbench.release": (c, i) =>
    c.workbench.release({ tenantId: i.tenantId, conversationId: i.conversationId }),
  "workbench.close": (c, i) =>
    c.workbench.close({
      tenantId: i.tenantId,
      conversationId: i.conversationId,
      outcome: "SPAM",
      requestSatisfaction: false,
    }),
  "workbench.typing": (c, i) =>
    c.workbench.typing({ tenantId: i.tenantId, conversationId: i.conversationId, on: true }),
  "review.list": (c, i) => c.review.list({ tenantId: i.tenantId }),
  "review.counts": (c, i) => c.review.counts({ tenantId: i.tenantId }),
  "review.approve": (c, i) => c.review.approve({ tenantId: i.tenantId, id: i.learnedId, answer: "hijacked" }),
  "review.reject": (c, i) => c.review.reject({ tenantId: i.tenantId, id: i.learnedId }),
  "review.bulk": (c, i) => c.review.bulk({ tenantId: i.tenantId, ids: [i.learnedId], action: "reject" }),
  "review.revertAutoApproval": (c, i) =>
    c.review.revertAutoApproval({ tenantId: i.tenantId, id: i.autoLearnedId }),
  "dashboard.overview": (c, i) =>
    c.dashboard.overview({ tenantId: i.tenantId, from: "2026-11-01", to: "2026-11-30" }),
  "system.overview": (c, i) => c.system.overview({ tenantId: i.tenantId }),
  "alerts.rules": (c, i) => c.alerts.rules({ tenantId: i.tenantId }),
  "alerts.updateRule": (c, i) =>
    c.alerts.updateRule({ tenantId: i.tenantId, kind: "ERROR_RATE", enabled: false, threshold: 50 }),
  "alerts.list": (c, i) => c.alerts.list({ tenantId: i.tenantId }),
  "alerts.openCount": (c, i) => c.alerts.openCount({ tenantId: i.tenantId }),
  "erp.list": (c, i) => c.erp.list({ tenantId: i.tenantId }),
  "erp.create": (c, i) => c.erp.create({ tenantId: i.tenantId, connection: ERP_FORM }),
  "erp.update": (c, i) =>
    c.erp.update({ tenantId: i.tenantId, connectionId: i.erpConnectionId, connection: ERP_FORM }),
  "erp.delete": (c, i) => c.erp.delete({ tenantId: i.tenantId, connectionId: i.erpConnectionId }),
  "erp.test": (c, i) => c.erp.test({ tenantId: i.tenantId, connectionId: i.erpConnectionId }),
  "erp.syncNow": (c, i) => c.erp.syncNow({ tenantId: i.tenantId, connectionId: i.erpConnectionId }),
  "erp.runs": (c, i) => c.erp.runs({ tenantId: i.tenantId, connectionId: i.erpConnectionId }),
  "erp.run": (c, i) => c.erp.run({ tenantId: i.tenantId, runId: i.syncRunId }),
};

/** Procedures whose inputs name only a tenant (no other resource id): case (2) does not apply. */
const TENANT_ONLY = new Set([
  "tenant.get",
  "tenant.update",
  "tenant.delete",
  "members.list",
  "invitations.list",
  "invitations.create",
  "apiKeys.list",
  "apiKeys.create",
  "audit.list",
  "knowledge.qa.list",
  "knowledge.qa.create",
  "knowledge.import.preview",
  "knowledge.import.commit",
  "knowledge.search",
  "knowledge.lexicon.get",
  "knowledge.lexicon.addTerms",
  "knowledge.settings.get",
  "knowledge.settings.update",
  "knowledge.indexStatus",
  "knowledge.reindex",
  "knowledge.documents.list",
  "aiProviders.list",
  "aiProviders.create",
  "bot.get",
  "bot.update",
  "rules.list",
  "rules.create",
  "rules.preview",
  "devices.list",
  "devices.createPairingCode",
  "devices.downloadInfo",
  "widgetSettings.get",
  "widgetSettings.update",
  "cannedReplies.list",
  "cannedReplies.create",
  "customers.list",
  "supportSettings.get",
  "lifecycle.settings",
  "lifecycle.updateSettings",
  "supportSettings.update",
  "workbench.inbox",
  "workbench.counts",
  "workbench.agents",
  "workbench.me",
  "workbench.setPresence",
  "review.list",
  "review.counts",
  "dashboard.overview",
  "system.overview",
  "alerts.rules",
  "alerts.updateRule",
  "alerts.list",
  "alerts.openCount",
  "erp.list",
  "erp.create",
]);

let a: Awaited<ReturnType<typeof ownerWithTenant>>;
let bIds: TIds;
let aIdsWithBResources: TIds;
let snapshotB: () => Promise<unknown>;

beforeAll(async () => {
  a = await ownerWithTenant();
  const b = await ownerWithTenant();
  const bAgent = await memberOf(b.tenant.id, "AGENT");
  const inv = await b.caller.invitations.create({
    tenantId: b.tenant.id,
    email: `inv-${uniq()}@example.com`,
    role: "VIEWER",
  });
  const key = await b.caller.apiKeys.create({ tenantId: b.tenant.id, name: "b key" });
  const qa = await b.caller.knowledge.qa.create({
    tenantId: b.tenant.id,
    question: "B 的退款政策？",
    answer: "只属于 B 的答案。",
  });
  await b.caller.knowledge.lexicon.addTerms({ tenantId: b.tenant.id, terms: ["B词"] });
  const lex = await b.caller.knowledge.lexicon.get({ tenantId: b.tenant.id });
  const group = await b.caller.knowledge.lexicon.saveSynonyms({
    tenantId: b.tenant.id,
    terms: ["B甲", "B乙"],
  });
  const provider = await b.caller.aiProviders.create({
    tenantId: b.tenant.id,
    kind: "DEEPSEEK",
    model: "deepseek-chat",
    apiKey: "sk-b-secret-key",
  });
  const rule = await b.caller.rules.create({
    tenantId: b.tenant.id,
    type: "TRANSFER_KEYWORD",
    name: "B 的规则",
    config: { words: ["找老板"] },
  });
  const doc = await createDocument(b.tenant.id, b.user.id, {
    name: "b.md",
    type: "text/markdown",
    bytes: Buffer.from("# B 手册\n只属于 B 的内容。"),
  });
  await ingestDocument(b.tenant.id, doc.id);
  const [chunk] = await b.caller.knowledge.documents.chunks({ tenantId: b.tenant.id, documentId: doc.id });
  const canned = await b.caller.cannedReplies.create({
    tenantId: b.tenant.id,
    shortcut: "b",
    content: "B 的话术",
  });
  // a conversation B's owner handles, with a pending transfer to B's agent
  const bConversation = await seedConversation(b.tenant.id);
  await b.caller.workbench.takeOver({ tenantId: b.tenant.id, conversationId: bConversation.conversationId });
  const bTransfer = await b.caller.workbench.transfer({
    tenantId: b.tenant.id,
    conversationId: bConversation.conversationId,
    toUserId: bAgent.user.id,
  });
  const learned = await seedLearned(b.tenant.id, bConversation.conversationId);
  const bErp = await b.caller.erp.create({
    tenantId: b.tenant.id,
    connection: { ...ERP_FORM, name: "B 的 ERP", credentials: { username: "b", password: "b-secret" } },
  });
  const bRun = await (
    await db()
  ).syncRun.create({
    data: { tenantId: b.tenant.id, connectionId: bErp.id, trigger: "MANUAL", entity: "customers" },
  });
  const { code } = await createPairingCode(b.tenant.id, null);
  const device = await pairDevice({ code, deviceName: "B 的电脑", platform: "win32", agentVersion: "0.1.0" });
  bIds = {
    tenantId: b.tenant.id,
    membershipId: bAgent.membershipId,
    invitationId: inv.id,
    apiKeyId: key.id,
    qaPairId: qa.id,
    documentId: doc.id,
    chunkId: chunk.id,
    termId: lex.dictionary[0].id,
    synonymGroupId: group.id,
    slug: b.tenant.slug,
    providerId: provider.id,
    ruleId: rule.id,
    deviceId: device.deviceId,
    cannedReplyId: canned.id,
    contactId: bConversation.contactId,
    agentUserId: bAgent.user.id,
    conversationId: bConversation.conversationId,
    transferId: bTransfer.transferId,
    learnedId: learned.pendingId,
    autoLearnedId: learned.autoApprovedId,
    erpConnectionId: bErp.id,
    syncRunId: bRun.id,
  };
  aIdsWithBResources = { ...bIds, tenantId: a.tenant.id, slug: a.tenant.slug };
  // B's search index in memory from the start: a search from memory and one from the database agree
  // to ~1e-8 in the cosine (float4 sums in pgvector), and every snapshot must compare equal
  await loadMemoryIndex(b.tenant.id, (await loadTermStats(b.tenant.id, []))!.version!);
  snapshotB = async () => ({
    tenant: await b.caller.tenant.get({ tenantId: b.tenant.id }),
    members: await b.caller.members.list({ tenantId: b.tenant.id }),
    invitations: await b.caller.invitations.list({ tenantId: b.tenant.id }),
    keys: await b.caller.apiKeys.list({ tenantId: b.tenant.id }),
    qa: await b.caller.knowledge.qa.list({ tenantId: b.tenant.id }),
    search: await b.caller.knowledge.search({ tenantId: b.tenant.id, query: "退款政策" }),
    lexicon: await b.caller.knowledge.lexicon.get({ tenantId: b.tenant.id }),
    retrieval: await b.caller.knowledge.settings.get({ tenantId: b.tenant.id }),
    documents: await b.caller.knowledge.documents.list({ tenantId: b.tenant.id }),
    chunks: await b.caller.knowledge.documents.chunks({ tenantId: b.tenant.id, documentId: bIds.documentId }),
    providers: await b.caller.aiProviders.list({ tenantId: b.tenant.id }),
    bot: await b.caller.bot.get({ tenantId: b.tenant.id }),
    rules: await b.caller.rules.list({ tenantId: b.tenant.id }),
    devices: await b.caller.devices.list({ tenantId: b.tenant.id }),
    widget: await b.caller.widgetSettings.get({ tenantId: b.tenant.id }),
    cannedReplies: await b.caller.cannedReplies.list({ tenantId: b.tenant.id }),
    customers: await b.caller.customers.list({ tenantId: b.tenant.id }),
    customer: await b.caller.customers.get({ tenantId: b.tenant.id, contactId: bIds.contactId }),
    supportSettings: await b.caller.supportSettings.get({ tenantId: b.tenant.id }),
    lifecycle: await b.caller.lifecycle.settings({ tenantId: b.tenant.id }),
    workbench: await b.caller.workbench.conversation({
      tenantId: b.tenant.id,
      conversationId: bIds.conversationId,
    }),
    workbenchInbox: await b.caller.workbench.inbox({ tenantId: b.tenant.id, view: "all" }),
    workbenchAgents: await b.caller.workbench.agents({ tenantId: b.tenant.id }),
    review: await b.caller.review.list({ tenantId: b.tenant.id }),
    alertRules: await b.caller.alerts.rules({ tenantId: b.tenant.id }),
    erp: await b.caller.erp.list({ tenantId: b.tenant.id }),
    erpRuns: await b.caller.erp.runs({ tenantId: b.tenant.id }),
  });
});

describe("tenant isolation", () => {
  it("covers every tenant-scoped procedure", () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { permission?: string } } }
    >;
    const tenantScoped = Object.entries(procedures)
      .filter(([, p]) => p._def.meta?.permission)
      .map(([path]) => path)
      .sort();
    expect(Object.keys(CALLS).sort()).toEqual(tenantScoped);
  });

  it.each(Object.keys(CALLS))("%s with another tenant's id is refused", async (path) => {
    const before = await snapshotB();
    const err = await caught(CALLS[path](a.caller, bIds));
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(err.code);
    expect(await snapshotB()).toEqual(before);
  });

  it.each(Object.keys(CALLS).filter((p) => !TENANT_ONLY.has(p)))(
    "%s with own tenant id but another tenant's resource ids is refused",
    async (path) => {
      const before = await snapshotB();
      const err = await caught(CALLS[path](a.caller, aIdsWithBResources));
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(err.code);
      expect(await snapshotB()).toEqual(before);
    },
  );
});
