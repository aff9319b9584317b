// Login lockout policy (PRODUCT.md §12): 5 failures in a row lock the account for 15 minutes.
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function lockedMinutesLeft(lockedUntil: Date | null, now = new Date()): number {
  if (!lockedUntil || lockedUntil <= now) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
}
