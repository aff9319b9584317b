import { z } from "zod";
import { db } from "../db/client";
import { createApiKey, ZApiKeyName } from "../services/apikeys/api-keys";
import { parseFlags } from "./args";

const USAGE = `kefu apikey create --tenant <slug> [--name <name>]
  Prints a new API key for the tenant's REST channel (shown once; only its hash is stored).`;

const ZCreate = z.object({ tenant: z.string().min(1), name: ZApiKeyName.default("CLI") });

export async function apikeyCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "create" || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  const flags = parseFlags(argv.slice(1), ["tenant", "name"], ZCreate);
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
  const key = await createApiKey(tenant.id, null, flags.value.name);
  console.log(key.key);
  return 0;
}
