import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { TPermission } from "../auth/permissions";
import { requireTenantPermission } from "../auth/require-tenant-permission";
import { db } from "../db/client";
import { AppError, type TAppErrorCode } from "../errors";
import { logger } from "../logging";
import type { TContext } from "./context";

// Procedures: publicProcedure, authedProcedure (a signed-in user that still exists) and
// tenantProcedure(permission) (a member of input.tenantId whose role grants the permission).
// AppError is mapped to tRPC codes here and nowhere else.

const TRPC_CODE: Record<TAppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  GONE: "NOT_FOUND",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  LOCKED: "FORBIDDEN",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

export type TErrorData = {
  appCode: TAppErrorCode | null;
  field: string | null;
  fieldErrors: Record<string, string[]> | null;
};

/** Procedure metadata: tenant procedures carry their permission (tests enumerate them by it). */
export type TMeta = { permission?: TPermission };

const t = initTRPC
  .context<TContext>()
  .meta<TMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const appError = cause instanceof AppError ? cause : null;
      const zodError = cause instanceof ZodError ? cause : null;
      const data: TErrorData = {
        appCode: appError?.code ?? null,
        field: appError?.field ?? null,
        fieldErrors: zodError ? (z.flattenError(zodError).fieldErrors as Record<string, string[]>) : null,
      };
      // never leak internals of unexpected errors to the browser
      const message = zodError
        ? zodError.issues
            .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
            .join("; ")
        : error.code === "INTERNAL_SERVER_ERROR" && !appError
          ? "Internal server error"
          : shape.message;
      return { ...shape, message, data: { ...shape.data, ...data, stack: undefined } };
    },
  });

/** Turns AppErrors thrown by services into TRPCErrors (keeping the AppError as cause). */
const mapErrors = t.middleware(async ({ next, path, ctx, getRawInput }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      result.error = new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
    } else if (result.error.code === "INTERNAL_SERVER_ERROR") {
      // the tenant the caller asked for (unvalidated input, so only a short string is logged)
      const raw = ((await getRawInput().catch(() => null)) as { tenantId?: unknown } | null)?.tenantId;
      const tenantId = typeof raw === "string" && raw.length <= 64 ? raw : undefined;
      logger().error(
        { err: result.error.cause ?? result.error, path, requestId: ctx.requestId, tenantId },
        "procedure failed",
      );
    }
  }
  return result;
});

export const createRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.userId) throw new AppError("UNAUTHORIZED", "Please sign in");
  const client = await db();
  const user = await client.user.findUnique({
    where: { id: ctx.userId },
    select: { id: true, email: true, name: true },
  });
  if (!user) throw new AppError("UNAUTHORIZED", "Please sign in again");
  return next({ ctx: { ...ctx, user } });
});

export const ZTenantInput = z.object({ tenantId: z.string().uuid("Invalid tenant id") });

export function tenantProcedure(permission: TPermission) {
  return authedProcedure
    .meta({ permission })
    .input(ZTenantInput)
    .use(async ({ ctx, input, next }) => {
      const membership = await requireTenantPermission(ctx.user.id, input.tenantId, permission);
      return next({
        ctx: { ...ctx, tenant: membership.tenant, role: membership.role, membershipId: membership.id },
      });
    });
}
