"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** After a review action: the queue, its counts and the knowledge list (approvals add pairs). */
export function useRefreshReview() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.review.pathFilter()),
      qc.invalidateQueries(trpc.knowledge.qa.list.pathFilter()),
    ]);
}
