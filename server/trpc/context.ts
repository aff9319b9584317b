import { randomUUID } from "node:crypto";

// What every procedure knows about the caller. Built from the HTTP request by the route handler
// (app/api/trpc) and directly by tests, so procedures never touch Next or next-auth.
export type TContext = {
  userId: string | null;
  ip: string | null;
  requestId: string;
};

export function anonymousContext(overrides: Partial<TContext> = {}): TContext {
  return { userId: null, ip: null, requestId: randomUUID(), ...overrides };
}
