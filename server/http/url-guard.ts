import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// SSRF guard for URLs a tenant admin types and the server then calls (AI providers, ERP base URLs):
// http(s) only, no credentials in the URL, and the host's addresses — after DNS resolution, because a
// public-looking name can point inside — must not be the server's own network.
//
// Two levels, because self-hosted LLMs and ERPs on the office LAN are a real use case:
// - ALWAYS refused: link-local and the cloud metadata endpoints (169.254.0.0/16 incl. 169.254.169.254,
//   Alibaba Cloud's 100.100.100.200, fe80::/10, fd00:ec2::254), "this network" 0.0.0.0/8 and multicast
//   — nothing legitimate lives there and they hand out the host's cloud credentials.
// - refused unless `allowPrivate`: loopback, RFC 1918, CGNAT, benchmark, ULA (fc00::/7) and reserved
//   ranges. Callers pass their deployment flag (KEFU_ALLOW_PRIVATE_URLS for AI providers: on in the
//   embedded single-company default, to be turned off in a multi-tenant deployment).
// The check runs before each call; resolutions are cached briefly so a hot path pays ~nothing.

const always = new BlockList();
const privateNets = new BlockList();
const v4 = (list: BlockList, nets: [string, number][]) =>
  nets.forEach(([n, p]) => list.addSubnet(n, p, "ipv4"));
const v6 = (list: BlockList, nets: [string, number][]) =>
  nets.forEach(([n, p]) => list.addSubnet(n, p, "ipv6"));

v4(always, [
  ["0.0.0.0", 8],
  ["169.254.0.0", 16],
  ["100.100.100.200", 32],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
]);
v6(always, [
  ["::", 128],
  ["fe80::", 10],
  ["fd00:ec2::254", 128],
  ["ff00::", 8],
]);
v4(privateNets, [
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
]);
v6(privateNets, [
  ["::1", 128],
  ["fc00::", 7],
]);

export type TAddressClass = "public" | "private" | "forbidden";

/** How an address is treated; IPv4-mapped IPv6 counts as its IPv4 address, garbage as forbidden. */
export function classifyAddress(address: string): TAddressClass {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const family = isIP(ip);
  if (family === 0) return "forbidden";
  const type = family === 4 ? "ipv4" : "ipv6";
  if (always.check(ip, type)) return "forbidden";
  if (privateNets.check(ip, type)) return "private";
  return "public";
}

/** True for addresses a tenant's URL must not reach when private networks are not allowed. */
export function isPrivateAddress(address: string): boolean {
  return classifyAddress(address) !== "public";
}

export class UrlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UrlRefusedError";
  }
}

/** The URL's syntax: http(s) only, no credentials in it. Cheap; fine on every save. */
export function checkUrlSyntax(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefusedError("The URL is not valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UrlRefusedError("The URL must start with http:// or https://");
  if (url.username || url.password) throw new UrlRefusedError("The URL must not contain credentials");
  return url;
}

const TTL_MS = 30_000;
const resolved = new Map<string, { at: number; addresses: Promise<string[]> }>();

type TResolver = (host: string) => Promise<string[]>;
const systemResolver: TResolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

async function addressesOf(host: string, resolve: TResolver): Promise<string[]> {
  if (isIP(host)) return [host];
  const hit = resolved.get(host);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.addresses;
  const addresses = resolve(host);
  resolved.set(host, { at: Date.now(), addresses });
  addresses.catch(() => resolved.delete(host));
  if (resolved.size > 1000) resolved.delete(resolved.keys().next().value as string);
  return addresses;
}

/**
 * Throws UrlRefusedError unless the URL is http(s) and every address its host resolves to is allowed.
 * `resolve` is for tests (a name that resolves to a chosen address); the system resolver otherwise.
 */
export async function assertUrlAllowed(
  raw: string,
  opts: { allowPrivate: boolean; resolve?: TResolver },
): Promise<URL> {
  const url = checkUrlSyntax(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    // a test's own resolver is not cached (its answers are not the system's)
    addresses = opts.resolve
      ? isIP(host)
        ? [host]
        : await opts.resolve(host)
      : await addressesOf(host, systemResolver);
  } catch {
    throw new UrlRefusedError(`The host ${host} could not be resolved`);
  }
  const classes = addresses.map(classifyAddress);
  if (!addresses.length || classes.includes("forbidden"))
    throw new UrlRefusedError(`The URL points to a link-local or cloud metadata address (${host})`);
  if (!opts.allowPrivate && classes.includes("private"))
    throw new UrlRefusedError(`The URL points to a private or local network address (${host})`);
  return url;
}
