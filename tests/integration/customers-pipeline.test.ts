import { describe, expect, it } from "vitest";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import type { CustomerLevel } from "../../server/db/generated/prisma/enums";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// The level's effect on the pipeline: BLACK (effective, override included) gets a stricter
// per-contact rate limit; the processed message re-scores the customer in the background.

async function contactWith(tenantId: string, levelOverride: CustomerLevel | null) {
  const client = await db();
  const externalId = `c-${uniq()}`;
  await client.contact.create({ data: { tenantId, channel: "API", externalId, levelOverride } });
  return externalId;
}

const ask = (tenantId: string, externalId: string, text: string) =>
  processIncomingMessage({ tenantId, channel: "API", contact: { externalId }, text });

describe("customer level in the pipeline", () => {
  it("throttles a BLACK customer earlier than a GRAY one and re-scores after each message", async () => {
    const owner = await pipelineTenant();
    const t = owner.tenant.id;
    await owner.caller.rules.create({
      tenantId: t,
      type: "RATE_LIMIT",
      name: "宽松限流",
      config: { perContact: { points: 2, seconds: 60 } },
    });
    const gray = await contactWith(t, null);
    const black = await contactWith(t, "BLACK");
    for (const text of ["退款多久到账？", "怎么开发票？"])
      expect((await ask(t, gray, text)).reason).not.toMatch(/rate_limited/);
    expect((await ask(t, black, "退款多久到账？")).reason).not.toMatch(/rate_limited/);
    expect((await ask(t, black, "怎么开发票？")).reason).toBe("rate_limited_contact");
    await drainInProcessJobs();
    const client = await db();
    const grayRow = await client.contact.findFirstOrThrow({ where: { tenantId: t, externalId: gray } });
    expect(grayRow.state).toBe("POTENTIAL");
    // re-scored after each message: the score moved with the messages, and each change is a point
    const history = await client.contactScore.findMany({
      where: { tenantId: t, contactId: grayRow.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history.at(-1)?.score).toBe(grayRow.score);
    for (let i = 1; i < history.length; i++) expect(history[i].score).not.toBe(history[i - 1].score);
  });
});
