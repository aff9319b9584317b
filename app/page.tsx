import { redirect } from "next/navigation";
import { currentUserId } from "@/server/auth/session";
import { homeTenant } from "@/server/services/tenants/home-tenant";

export const dynamic = "force-dynamic";

// No landing page: signed-in people go to their last tenant, everyone else signs in.
export default async function Home() {
  const userId = await currentUserId();
  if (!userId) redirect("/login");
  const home = await homeTenant(userId);
  if (!home.user) redirect("/login");
  redirect(home.slug ? `/t/${home.slug}` : "/tenants/new");
}
