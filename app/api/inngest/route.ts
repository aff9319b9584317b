import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { JOBS, SCHEDULES } from "@/inngest/functions";
import { isInngestConfigured } from "@/server/env";

export const dynamic = "force-dynamic";

const served = serve({
  client: inngest,
  functions: [...JOBS.map((j) => j.inngestFunction), ...SCHEDULES.map((s) => s.inngestFunction)],
});

// Without an Inngest server the jobs run in-process (inngest/emit.ts); the endpoint says so instead of
// failing with Inngest's "no signing key" error.
const notConfigured = () =>
  Response.json(
    { error: { code: "NOT_CONFIGURED", message: "Inngest is not configured; jobs run in-process" } },
    { status: 404 },
  );

type THandler = (req: Request, ctx: unknown) => Response | Promise<Response>;
const pick =
  (h: unknown): THandler =>
  (req, ctx) =>
    isInngestConfigured() ? (h as THandler)(req, ctx) : notConfigured();

export const GET = pick(served.GET);
export const POST = pick(served.POST);
export const PUT = pick(served.PUT);
