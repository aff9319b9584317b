import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The signed-in user's id in a server component or route handler, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ?? null;
}
