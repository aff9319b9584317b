import type { TRole } from "@/components/tenant/role-badge";

// Mirrors server/services/members/member-guards.ts so the UI only offers what the server allows
// (the server still enforces it): the owner row and one's own row are fixed, admins are the owner's.
export function mayManage(
  me: { userId: string; role: TRole; canManage: boolean },
  row: { userId: string; role: TRole },
) {
  if (!me.canManage) return false;
  if (row.role === "OWNER" || row.userId === me.userId) return false;
  return row.role !== "ADMIN" || me.role === "OWNER";
}

/** Roles the caller may hand out (never OWNER: that is a transfer). */
export function grantableRoles(myRole: TRole): TRole[] {
  return myRole === "OWNER" ? ["ADMIN", "AGENT", "REVIEWER", "VIEWER"] : ["AGENT", "REVIEWER", "VIEWER"];
}
