import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";

type THandler = (req: Request, ctx: unknown) => Promise<Response>;
// options are read per request: the secret is filled in at start-up, after this module may load
const handler: THandler = (req, ctx) => (NextAuth(authOptions()) as THandler)(req, ctx);

export { handler as GET, handler as POST };
