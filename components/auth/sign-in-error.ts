/** Splits next-auth's `res.error` ("CODE|extra|English message", see server/auth/options.ts). */
export function parseSignInError(raw: string): { code: string; extra: number | null } {
  const [code = "INTERNAL", extra = ""] = raw.split("|");
  const n = Number(extra);
  return { code, extra: extra !== "" && Number.isFinite(n) ? n : null };
}
