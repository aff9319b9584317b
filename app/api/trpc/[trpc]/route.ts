import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { currentUserId } from "@/server/auth/session";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      userId: await currentUserId(),
      ip: clientIpFromHeaders(req.headers),
      requestId: req.headers.get("x-request-id") ?? crypto.randomUUID(),
    }),
  });

export { handler as GET, handler as POST };
