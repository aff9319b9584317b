import type { Role } from "../db/generated/prisma/enums";

// The one role → permission map (PRODUCT.md §1). Procedures declare the permission they need;
// nothing else checks roles by name.

export const PERMISSIONS = [
  "tenant.read",
  "tenant.update",
  "tenant.delete",
  "tenant.transfer",
  "members.read",
  "members.manage",
  "audit.read",
  "apikeys.manage",
  "providers.manage",
  "rules.manage",
  "integrations.manage",
  "devices.manage",
  "workbench.use",
  "customers.read",
  "customers.write",
  "kb.read",
  "kb.write",
  "review.use",
  "dashboard.read",
  "system.read",
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

const VIEWER: TPermission[] = ["tenant.read", "members.read", "dashboard.read", "customers.read", "kb.read"];
const REVIEWER: TPermission[] = [...VIEWER, "kb.write", "review.use"];
const AGENT: TPermission[] = [...VIEWER, "workbench.use", "customers.write"];
const ADMIN: TPermission[] = [
  ...new Set([...REVIEWER, ...AGENT]),
  "tenant.update",
  "members.manage",
  "audit.read",
  "apikeys.manage",
  "providers.manage",
  "rules.manage",
  "integrations.manage",
  "devices.manage",
  "system.read",
];
const OWNER: TPermission[] = [...ADMIN, "tenant.delete", "tenant.transfer"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<TPermission>> = {
  OWNER: new Set(OWNER),
  ADMIN: new Set(ADMIN),
  AGENT: new Set(AGENT),
  REVIEWER: new Set(REVIEWER),
  VIEWER: new Set(VIEWER),
};

export function can(role: Role, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Roles ordered by authority; an admin may not grant or change a role above its own. */
export const ROLE_RANK: Record<Role, number> = { OWNER: 5, ADMIN: 4, AGENT: 2, REVIEWER: 2, VIEWER: 1 };

export function permissionsOf(role: Role): TPermission[] {
  return [...ROLE_PERMISSIONS[role]];
}
