import { Prisma } from "./generated/prisma/client";

const PG_UNIQUE_VIOLATION = "23505";

/**
 * True for a unique-constraint violation, e.g. an email or slug that is taken: Prisma's P2002, a raw
 * statement's failure through Prisma (P2010 carrying PostgreSQL's code) or the pg driver's own error
 * (the hot path's raw pool, server/db/raw-pool.ts).
 */
export function isUniqueViolation(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError)
    return (
      e.code === "P2002" || (e.code === "P2010" && JSON.stringify(e.meta ?? {}).includes(PG_UNIQUE_VIOLATION))
    );
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === PG_UNIQUE_VIOLATION;
}
