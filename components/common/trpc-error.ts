// Reads what server/trpc/init.ts's errorFormatter puts on a tRPC error (appCode, field, fieldErrors) so
// the UI can place messages next to fields and pick a localised text by code.

export type TErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GONE"
  | "LOCKED"
  | "TOO_MANY_REQUESTS"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL"
  | "NETWORK";

export type TParsedError = {
  code: TErrorCode;
  field: string | null;
  fieldErrors: Record<string, string[]> | null;
  message: string;
};

type TErrorShape = {
  message?: string;
  data?: {
    appCode?: string | null;
    code?: string;
    field?: string | null;
    fieldErrors?: Record<string, string[]> | null;
  } | null;
};

const TRPC_TO_APP: Record<string, TErrorCode> = {
  BAD_REQUEST: "BAD_REQUEST",
  PARSE_BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

export function parseError(error: unknown): TParsedError {
  const e = (error ?? {}) as TErrorShape;
  const data = e.data ?? null;
  if (!data) {
    // no tRPC error data: the request never reached the server (offline, server restarting)
    return { code: "NETWORK", field: null, fieldErrors: null, message: e.message ?? "Network error" };
  }
  const code = (data.appCode as TErrorCode | null) ?? TRPC_TO_APP[data.code ?? ""] ?? "INTERNAL";
  return { code, field: data.field ?? null, fieldErrors: data.fieldErrors ?? null, message: e.message ?? "" };
}

/** The first error for a form field: an AppError aimed at it, or a zod issue on it. */
export function fieldError(error: unknown, field: string): string | null {
  if (!error) return null;
  const p = parseError(error);
  if (p.fieldErrors?.[field]?.length) return p.fieldErrors[field][0];
  return p.field === field ? p.message : null;
}
