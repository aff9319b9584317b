import { z } from "zod";

// Output schemas shared by several routers.
export const ZRole = z.enum(["OWNER", "ADMIN", "AGENT", "REVIEWER", "VIEWER"]);
export const ZOk = z.object({ ok: z.literal(true) });
export const ZId = z.string().uuid();
export const ZTenantSummary = z.object({ id: z.string(), name: z.string(), slug: z.string() });
