import { z } from "zod";
import { AppError } from "../errors";
import { ZEmail } from "../services/accounts/schemas";
import { seedDemoTenant } from "../services/demo/seed-demo";
import { ZSlug } from "../services/tenants/slug";
import { parseFlags } from "./args";

const USAGE = `kefu demo seed [--slug demo] [--days 30] [--email owner@demo.kefu.local] [--name <name>] [--scale 1] [--reset]
  Creates a demo tenant (极速充 EV 家用充电桩): a knowledge base of ~50 Q&A pairs and 2 manuals, ~300
  customers with orders, --days days of bot and agent conversations (the agent 小王 and a reviewer),
  learned-knowledge items, a simulated "前台微信" device, and the dashboard roll-ups. Prints the
  sign-in details. --reset wipes and recreates an existing demo tenant with that slug (only one that
  this command made). --scale 0.1 makes a tenth of the history (faster on the embedded database).`;

const ZNumber = (min: number, max: number, int: boolean) =>
  z
    .string()
    .regex(int ? /^\d+$/ : /^\d+(\.\d+)?$/, int ? "Expected a whole number" : "Expected a number")
    .transform(Number)
    .pipe(z.number().min(min, `At least ${min}`).max(max, `At most ${max}`));

const ZFlags = z.object({
  slug: ZSlug.optional(),
  days: ZNumber(1, 90, true).optional(),
  email: ZEmail.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  scale: ZNumber(0.01, 5, false).optional(),
});

export async function demoCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "seed" || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  const rest = argv.slice(1);
  const reset = rest.includes("--reset");
  const flags = parseFlags(
    rest.filter((a) => a !== "--reset"),
    ["slug", "days", "email", "name", "scale"],
    ZFlags,
  );
  if (!flags.ok) {
    console.error(`${flags.error}\n\n${USAGE}`);
    return 2;
  }
  const f = flags.value;
  const started = Date.now();
  console.error("Seeding the demo tenant (knowledge base, customers, conversations, roll-ups)…");
  try {
    const r = await seedDemoTenant({
      slug: f.slug,
      days: f.days,
      ownerEmail: f.email,
      name: f.name,
      scale: f.scale,
      reset,
    });
    const c = r.counts;
    console.log(`Created demo tenant "${r.slug}" (id ${r.tenantId}) in ${((Date.now() - started) / 1000).toFixed(1)} s:
  knowledge:     ${c.qaPairs} Q&A pairs, ${c.documents} documents, ${c.chunks} chunks
  customers:     ${c.contacts} contacts, ${c.orders} orders
  history:       ${c.conversations} conversations, ${c.messages} messages, ${c.events} events, ${c.usageRecords} usage records
  learning:      ${c.learned} learned items; ${c.jobRuns} job runs; 1 device "前台微信"

Sign in at /login (the tenant's pages are under /t/${r.slug}):
  owner:    ${r.ownerEmail}  ${r.password ? `password ${r.password}` : "(existing account, password unchanged)"}
  agent:    ${r.agentEmail}  password ${r.memberPassword}   (小王)
  reviewer: ${r.reviewerEmail}  password ${r.memberPassword}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      return e.code === "CONFLICT" ? 1 : 2;
    }
    throw e;
  }
}
