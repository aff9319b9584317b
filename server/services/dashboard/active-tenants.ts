import { db } from "../../db/client";
import { naiveUtc } from "./rollup-sql";

// The roll-up schedules only visit tenants with something new: each EXISTS probes an index that
// starts with tenantId, so idle tenants cost a few index lookups per tick.

/** tenants with messages, conversations started or closed, or usage since `since` */
export async function tenantsActiveSince(since: Date): Promise<string[]> {
  const client = await db();
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "Tenant" t
    WHERE EXISTS (SELECT 1 FROM "Message" m WHERE m."tenantId" = t.id AND m."createdAt" >= ${naiveUtc(since)})
       OR EXISTS (SELECT 1 FROM "Conversation" c
                  WHERE c."tenantId" = t.id AND c."createdAt" >= ${naiveUtc(since)})
       OR EXISTS (SELECT 1 FROM "Conversation" c
                  WHERE c."tenantId" = t.id AND c."closedAt" >= ${naiveUtc(since)})
       OR EXISTS (SELECT 1 FROM "UsageRecord" u
                  WHERE u."tenantId" = t.id AND u."createdAt" >= ${naiveUtc(since)})
    ORDER BY t.id`;
  return rows.map((r) => r.id);
}
