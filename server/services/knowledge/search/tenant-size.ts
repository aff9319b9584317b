// How many enabled chunks a tenant had at its last search, kept per process for a minute. The vector
// side chooses between an exact scan and the HNSW walk by this size; remembering it lets that query
// start without waiting for the term statistics (the size only needs to be roughly right).

const TTL_MS = 60_000;
const KEY = Symbol.for("kefu.knowledge-tenant-size");
type G = typeof globalThis & { [KEY]?: Map<string, { chunks: number; at: number }> };

function sizes() {
  return ((globalThis as G)[KEY] ??= new Map());
}

export function recentChunkCount(tenantId: string, now = Date.now()): number | undefined {
  const hit = sizes().get(tenantId);
  return hit && now - hit.at < TTL_MS ? hit.chunks : undefined;
}

export function rememberChunkCount(tenantId: string, chunks: number, now = Date.now()): void {
  const map = sizes();
  if (map.size > 10_000) map.clear(); // bounded: a process serving very many tenants starts over
  map.set(tenantId, { chunks, at: now });
}
