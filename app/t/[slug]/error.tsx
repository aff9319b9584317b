"use client";

import { ErrorView } from "@/components/common/error-view";

// Inside the tenant shell, so the sidebar stays usable when one page fails.
export default function TenantPageError({
  error,
  retry,
  reset,
}: {
  error: unknown;
  retry?: () => void;
  reset?: () => void;
}) {
  return <ErrorView error={error} retry={() => (retry ?? reset)?.()} />;
}
