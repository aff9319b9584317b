import type { TActor } from "../services/actor";

/** The audit actor for a procedure's caller. */
export function actorOf(ctx: { user: { id: string; email: string }; ip: string | null }): TActor {
  return { actorId: ctx.user.id, actorEmail: ctx.user.email, ip: ctx.ip };
}
