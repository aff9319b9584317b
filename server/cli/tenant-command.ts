import { z } from "zod";
import { db } from "../db/client";
import { hashPassword, ZPassword } from "../services/accounts/password";
import { ZEmail } from "../services/accounts/schemas";
import { recordAudit } from "../services/audit/record-audit";
import { createTenantRecord } from "../services/tenants/create-tenant-record";
import { isReservedSlug, ZSlug } from "../services/tenants/slug";
import { parseFlags } from "./args";

const USAGE = `kefu tenant create --name <name> --slug <slug> --owner-email <email> --owner-password <password> [--owner-name <name>]
  Creates a tenant and its OWNER. An existing account with that email becomes the owner as it is
  (its password is not changed); otherwise a new account is created with --owner-password.`;

const ZCreate = z.object({
  name: z.string().trim().min(1).max(100),
  slug: ZSlug,
  "owner-email": ZEmail,
  "owner-password": ZPassword.optional(),
  "owner-name": z.string().trim().min(1).max(100).optional(),
});

export async function tenantCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "create" || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  const flags = parseFlags(
    argv.slice(1),
    ["name", "slug", "owner-email", "owner-password", "owner-name"],
    ZCreate,
  );
  if (!flags.ok) return fail(`${flags.error}\n\n${USAGE}`);
  const f = flags.value;
  if (isReservedSlug(f.slug)) return fail(`The slug "${f.slug}" is reserved.`);
  const client = await db();
  if (await client.tenant.findUnique({ where: { slug: f.slug } }))
    return fail(`A tenant with slug "${f.slug}" exists already.`);
  const existing = await client.user.findUnique({ where: { email: f["owner-email"] }, select: { id: true } });
  if (!existing && !f["owner-password"]) return fail("--owner-password is required for a new owner account.");
  const passwordHash = existing ? null : await hashPassword(f["owner-password"]!);

  const tenant = await client.$transaction(async (tx) => {
    const owner =
      existing ??
      (await tx.user.create({
        data: {
          email: f["owner-email"],
          name: f["owner-name"] ?? f["owner-email"].split("@")[0],
          passwordHash: passwordHash!,
        },
        select: { id: true },
      }));
    const t = await createTenantRecord(tx, { name: f.name, slug: f.slug, ownerId: owner.id });
    await recordAudit(tx, {
      tenantId: t.id,
      actorEmail: "cli",
      action: "tenant.created",
      targetType: "tenant",
      targetId: t.id,
    });
    return t;
  });
  console.log(
    `Created tenant "${tenant.name}" (${tenant.slug}, id ${tenant.id}) owned by ${f["owner-email"]}${existing ? " (existing account)" : ""}.`,
  );
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
