/** Who performs an action, for the audit log. */
export type TActor = { actorId: string; actorEmail: string; ip?: string | null };
