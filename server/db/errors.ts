import { Prisma } from "./generated/prisma/client";

/** True for a unique-constraint violation (Prisma P2002), e.g. an email or slug that is taken. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
