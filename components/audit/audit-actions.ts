// Actions the server records today (server/services/**: recordAudit calls). Unknown ones still show, raw.
export const AUDIT_ACTIONS = [
  "tenant.created",
  "tenant.updated",
  "tenant.ownership_transferred",
  "member.role_changed",
  "member.removed",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "apikey.created",
  "apikey.revoked",
  "knowledge.imported",
  "knowledge.retrieval_updated",
] as const;

type TData = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** The most useful words about an entry's target, from its data (emails, names, roles). */
export function auditDetail(
  action: string,
  raw: unknown,
  role: (r: string) => string,
): { text: string | null; kind: "arrow" | "plain" } {
  const d = (raw && typeof raw === "object" ? raw : {}) as TData;
  const email = str(d.email);
  switch (action) {
    case "member.role_changed":
      return { text: `${email ?? ""}: ${role(String(d.from))} → ${role(String(d.to))}`, kind: "arrow" };
    case "invitation.created":
      return { text: `${email ?? ""} · ${role(String(d.role))}`, kind: "plain" };
    case "invitation.accepted":
      return { text: d.role ? role(String(d.role)) : null, kind: "plain" };
    case "member.removed":
      return { text: email, kind: "plain" };
    case "apikey.created":
      return { text: str(d.name), kind: "plain" };
    case "tenant.ownership_transferred":
      return { text: str(d.to) ? `→ ${str(d.to)}` : null, kind: "arrow" };
    case "knowledge.imported":
      return { text: str(d.fileName), kind: "plain" };
    case "tenant.updated":
      return { text: Array.isArray(d.fields) ? d.fields.join(", ") : null, kind: "plain" };
    default:
      return { text: null, kind: "plain" };
  }
}
