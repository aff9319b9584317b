import type { Prisma } from "../../db/generated/prisma/client";
import { slugFromName, withRandomSuffix } from "./slug";

/** Inserts a tenant with a free slug and its OWNER membership (inside the caller's transaction). */
export async function createTenantRecord(
  tx: Prisma.TransactionClient,
  input: { name: string; ownerId: string; slug?: string; language?: string },
) {
  let slug = input.slug ?? slugFromName(input.name);
  for (let i = 0; await tx.tenant.findUnique({ where: { slug }, select: { id: true } }); i++) {
    if (input.slug) break; // an explicit slug that is taken is the caller's conflict to report
    slug = withRandomSuffix(slugFromName(input.name));
    if (i > 5) throw new Error("Could not find a free tenant slug");
  }
  const tenant = await tx.tenant.create({
    data: {
      name: input.name,
      slug,
      language: input.language === "en" ? "en" : "zh-CN",
      memberships: { create: { userId: input.ownerId, role: "OWNER" } },
    },
    select: { id: true, name: true, slug: true },
  });
  return tenant;
}
