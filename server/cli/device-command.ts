import { z } from "zod";
import { db } from "../db/client";
import { createPairingCode } from "../services/devices/pairing";
import { parseFlags } from "./args";

const USAGE = `kefu device code --tenant <slug>
  Prints a new pairing code for a Windows agent (valid 10 minutes, single use):
  kefu-agent pair <server> <code>`;

const ZCode = z.object({ tenant: z.string().min(1) });

export async function deviceCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "code" || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  const flags = parseFlags(argv.slice(1), ["tenant"], ZCode);
  if (!flags.ok) {
    console.error(`${flags.error}\n\n${USAGE}`);
    return 2;
  }
  const client = await db();
  const tenant = await client.tenant.findUnique({
    where: { slug: flags.value.tenant },
    select: { id: true },
  });
  if (!tenant) {
    console.error(`No tenant with slug "${flags.value.tenant}".`);
    return 1;
  }
  const { code, expiresAt } = await createPairingCode(tenant.id, null);
  console.log(code);
  console.error(
    `valid until ${expiresAt.toISOString()}; on the Windows PC run: kefu-agent pair <server> ${code}`,
  );
  return 0;
}
