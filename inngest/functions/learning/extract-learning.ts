import { extractCandidates } from "../../../server/services/learning/extract-candidates";
import { routeCandidate } from "../../../server/services/learning/route-candidate";
import { defineJob } from "../../define";

// Learning extraction (PRODUCT.md §8) when a conversation is closed or goes idle. Each candidate is
// routed in its own step, so a retry after a failure resumes where it stopped; routing is idempotent
// per (conversation, question) as well, for a repeated event.

const MAX_CANDIDATES = 20;

export const extractLearning = defineJob(
  { id: "extract-learning", event: "kefu/conversation.closed" },
  async ({ event, step }) => {
    const { tenantId, conversationId } = event.data;
    const candidates = await step.run("extract-candidates", async () =>
      (await extractCandidates(tenantId, conversationId)).slice(0, MAX_CANDIDATES),
    );
    const routed = [];
    for (let i = 0; i < candidates.length; i++)
      routed.push(
        await step.run(`route-candidate-${i}`, () => routeCandidate(tenantId, conversationId, candidates[i])),
      );
    return { candidates: candidates.length, routed };
  },
);
