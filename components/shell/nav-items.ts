import {
  Activity,
  BookOpen,
  ClipboardCheck,
  Inbox,
  LayoutDashboard,
  MonitorSmartphone,
  ScrollText,
  Settings,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";

// Only areas that exist today; each is shown when the role has one of the listed permissions
// (an empty list means everyone in the tenant).
export type TNavItem = { key: string; href: string; icon: LucideIcon; anyOf: string[] };

export const NAV_ITEMS: TNavItem[] = [
  { key: "overview", href: "", icon: LayoutDashboard, anyOf: [] },
  { key: "inbox", href: "/inbox", icon: Inbox, anyOf: ["workbench.use"] },
  { key: "customers", href: "/customers", icon: UserRound, anyOf: ["customers.read"] },
  { key: "knowledge", href: "/knowledge", icon: BookOpen, anyOf: ["kb.read"] },
  { key: "review", href: "/review", icon: ClipboardCheck, anyOf: ["review.use"] },
  { key: "members", href: "/members", icon: Users, anyOf: ["members.read"] },
  { key: "devices", href: "/devices", icon: MonitorSmartphone, anyOf: ["devices.manage"] },
  { key: "system", href: "/system", icon: Activity, anyOf: ["system.read"] },
  {
    key: "settings",
    href: "/settings",
    icon: Settings,
    anyOf: ["tenant.update", "apikeys.manage", "providers.manage", "rules.manage"],
  },
  { key: "audit", href: "/audit", icon: ScrollText, anyOf: ["audit.read"] },
];

export function visibleNavItems(can: (p: string) => boolean): TNavItem[] {
  return NAV_ITEMS.filter((i) => i.anyOf.length === 0 || i.anyOf.some(can));
}
