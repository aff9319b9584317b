import type { CustomerState } from "../../db/generated/prisma/enums";
import { AppError } from "../../errors";

// Customer lifecycle (PRODUCT.md §9): NEW → POTENTIAL → DEAL → REPURCHASE, any → CHURNED after
// inactivity, and back when the customer returns. Pure rules; customer-state.ts applies and records.

/** No customer message for this long → CHURNED. 90 days: one business quarter without contact. */
export const CHURN_AFTER_DAYS = 90;

export type TStateEvent = "inquiry" | "order" | "repeat_order" | "inactive" | "returned";

export const ALLOWED: Record<CustomerState, readonly CustomerState[]> = {
  NEW: ["POTENTIAL", "DEAL", "CHURNED"],
  POTENTIAL: ["DEAL", "CHURNED"],
  DEAL: ["REPURCHASE", "CHURNED"],
  REPURCHASE: ["CHURNED"],
  CHURNED: ["POTENTIAL", "DEAL", "REPURCHASE"],
};

/**
 * The state an event leads to; `null` when the event changes nothing (an inquiry from a customer who
 * already bought). Throws CONFLICT for an event that cannot happen in that state.
 * `priorOrders` counts the customer's orders before this event (a churned buyer who orders again
 * is repurchasing).
 */
export function nextState(from: CustomerState, event: TStateEvent, priorOrders = 0): CustomerState | null {
  switch (event) {
    case "inquiry":
      return from === "NEW" ? "POTENTIAL" : null;
    case "order":
      if (from === "NEW" || from === "POTENTIAL") return "DEAL";
      if (from === "DEAL") return "REPURCHASE";
      if (from === "CHURNED") return priorOrders > 0 ? "REPURCHASE" : "DEAL";
      return null;
    case "repeat_order":
      if (from === "DEAL" || from === "CHURNED") return "REPURCHASE";
      if (from === "REPURCHASE") return null;
      throw new AppError("CONFLICT", `A repeat order needs a first deal (state ${from})`);
    case "inactive":
      return from === "CHURNED" ? null : "CHURNED";
    case "returned":
      return from === "CHURNED" ? (priorOrders > 0 ? "DEAL" : "POTENTIAL") : null;
  }
}

export function assertAllowed(from: CustomerState, to: CustomerState) {
  if (!ALLOWED[from].includes(to))
    throw new AppError("CONFLICT", `Customer state cannot change from ${from} to ${to}`);
}

export function isInactive(lastSeenAt: Date | null, createdAt: Date, now = new Date()) {
  const last = lastSeenAt ?? createdAt;
  return now.getTime() - last.getTime() > CHURN_AFTER_DAYS * 86_400_000;
}
