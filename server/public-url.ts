import { env } from "./env";

/** The address people reach this server at (links in emails); PUBLIC_URL, else NEXTAUTH_URL. */
export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
