import { reindexTenant } from "../../../server/services/knowledge/index/reindex-tenant";
import { defineJob } from "../../define";

/** Re-indexes a tenant's knowledge after its dictionary or synonyms changed. */
export const reindexKnowledge = defineJob(
  { id: "reindex-knowledge", event: "kefu/knowledge.reindex-requested" },
  async ({ event, step }) => {
    const chunks = await step.run("reindex", () => reindexTenant(event.data.tenantId));
    return { chunks };
  },
);
