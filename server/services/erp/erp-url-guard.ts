import { env } from "../../env";
import { AppError } from "../../errors";
import { assertUrlAllowed, checkUrlSyntax, UrlRefusedError } from "../../http/url-guard";

// ERP base URLs go through the shared SSRF guard (server/http/url-guard.ts): an admin types the URL
// and the server calls it. On-premise ERPs on a private network (and the fake ERP in tests) need
// KEFU_ERP_ALLOW_PRIVATE=1; link-local and cloud metadata addresses stay refused even then.

const asBadRequest = (e: unknown): never => {
  if (e instanceof UrlRefusedError) throw new AppError("BAD_REQUEST", `Base URL: ${e.message}`, "baseUrl");
  throw e;
};

/** The URL's syntax: http(s) only, no credentials in it. Cheap; run on every save. */
export function checkErpUrlSyntax(raw: string): URL {
  try {
    return checkUrlSyntax(raw);
  } catch (e) {
    return asBadRequest(e);
  }
}

/** Syntax plus where the host resolves to; run before the server calls the URL. */
export async function assertErpUrlAllowed(raw: string): Promise<void> {
  await assertUrlAllowed(raw, { allowPrivate: env().KEFU_ERP_ALLOW_PRIVATE }).catch(asBadRequest);
}
