import type { Role } from "../../db/generated/prisma/enums";
import { ROLE_PERMISSIONS } from "../../auth/permissions";

/** The member acting in the workbench (resolved by the procedure: signed in, member, workbench.use). */
export type TWorkbenchActor = { userId: string; name: string; role: Role };

/** OWNER and ADMIN may release or close a conversation someone else is handling. */
export function isSupervisor(role: Role): boolean {
  return ROLE_PERMISSIONS[role].has("members.manage");
}

/** The roles that may work in the inbox (transfer targets, the agents list). */
export function workbenchRoles(): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].has("workbench.use"));
}
