import { encryptSecret } from "../../server/crypto/secrets";
import { db } from "../../server/db/client";
import type { ProviderKind } from "../../server/db/generated/prisma/enums";
import { upsertQaPairs } from "../../server/services/knowledge/qa/upsert-qa-pairs";
import type { TFakeVendor } from "../fakes/fake-llm-vendor";
import { ownerWithTenant } from "./helpers";

// Tenants for the pipeline tests: a small FAQ, working hours that are open (or closed) right now,
// and provider rows pointing at the fake vendor.

export const FAQ = [
  {
    externalId: "refund-time",
    question: "退款多久到账？",
    answer: "退款审核通过后，1-3 个工作日原路退回到您的支付账户。",
  },
  {
    externalId: "invoice",
    question: "怎么开发票？",
    answer: "在订单详情页点击“申请开票”，电子发票会发送到您的邮箱。",
  },
  {
    externalId: "ship-time",
    question: "下单后多久发货？",
    answer: "现货商品 48 小时内发货，定制商品 7 天内发货。",
  },
  { externalId: "kf7a", question: "KF-7A 的功率是多少？", answer: "KF-7A 为 7kW 单相交流充电桩，适合家用。" },
  {
    externalId: "install",
    question: "充电桩安装需要哪些条件？",
    answer: "需要固定车位、物业同意安装，以及可以报装的独立电表。",
  },
];

const ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export async function pipelineTenant(opts: { open?: boolean; notificationEmail?: string } = {}) {
  const owner = await ownerWithTenant();
  const client = await db();
  await upsertQaPairs(owner.tenant.id, FAQ, { source: "IMPORT" });
  const ranges = opts.open === false ? [] : ["00:00-24:00"];
  await client.rule.create({
    data: {
      tenantId: owner.tenant.id,
      type: "WORKING_HOURS",
      name: opts.open === false ? "closed" : "always open",
      config: { timezone: "Asia/Shanghai", schedule: Object.fromEntries(ALL_DAYS.map((d) => [d, ranges])) },
    },
  });
  if (opts.notificationEmail)
    await client.tenant.update({
      where: { id: owner.tenant.id },
      data: { notificationEmail: opts.notificationEmail },
    });
  return owner;
}

export async function addProvider(
  tenantId: string,
  vendor: TFakeVendor,
  p: { kind?: ProviderKind; model: string; position: number; timeoutMs?: number },
) {
  const client = await db();
  const kind = p.kind ?? "OPENAI_COMPATIBLE";
  const native = kind === "ANTHROPIC" || kind === "GEMINI";
  return client.aiProvider.create({
    data: {
      tenantId,
      name: `${kind} ${p.model}`,
      kind,
      purpose: "CHAT",
      baseUrl: native ? vendor.url : `${vendor.url}/v1`,
      model: p.model,
      apiKeyEnc: encryptSecret(vendor.apiKey),
      position: p.position,
      timeoutMs: p.timeoutMs ?? 1500,
      inputPricePerM: 2,
      outputPricePerM: 8,
    },
  });
}

/** What a well-behaved model answers: JSON with its own confidence. */
export function modelJson(answer: string, confidence: number, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ answer, confidence, needs_human: false, clarifying_question: null, ...extra });
}
