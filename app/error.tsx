"use client";

import { ErrorView } from "@/components/common/error-view";

// Next 16 passes `retry`; older majors passed `reset` — accept either.
export default function RootError({
  error,
  retry,
  reset,
}: {
  error: unknown;
  retry?: () => void;
  reset?: () => void;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <ErrorView error={error} retry={() => (retry ?? reset)?.()} />
    </div>
  );
}
