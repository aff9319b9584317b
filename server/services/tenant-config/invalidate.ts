import { logger } from "../../logging";
import { topicBus } from "../../realtime/topic-bus";

// Hot paths (the message pipeline) keep a tenant's configuration — settings, rules, bot settings,
// provider chains — in a per-process cache for a few seconds. Every save of that configuration calls
// invalidateTenantConfig: this process drops its copy at once (synchronously, so the writer's next
// read is fresh) and the other instances drop theirs when the topic bus (Redis) delivers the event.
// Without Redis, other processes (the CLI next to a server) see a change within the cache's TTL.

const TOPIC = "tenant-config.changed";
const KEY = Symbol.for("kefu.tenant-config.listeners");
type TListener = (tenantId: string) => void;
type TState = { listeners: Set<TListener>; subscribed: Promise<void> | null };
type G = typeof globalThis & { [KEY]?: TState };

function state(): TState {
  return ((globalThis as G)[KEY] ??= { listeners: new Set(), subscribed: null });
}

function dispatch(tenantId: string) {
  for (const listener of state().listeners) listener(tenantId);
}

/** Calls `listener` with the tenant id whenever any instance changes that tenant's configuration. */
export function onTenantConfigChanged(listener: TListener): void {
  const s = state();
  s.listeners.add(listener);
  s.subscribed ??= topicBus()
    .subscribe(TOPIC, (payload) => {
      const tenantId = (payload as { tenantId?: unknown } | null)?.tenantId;
      if (typeof tenantId === "string") dispatch(tenantId);
    })
    .then(() => undefined)
    .catch((err: unknown) => {
      // caches still expire by their TTL; the next listener retries the subscription
      logger().warn({ err }, "tenant config invalidation: subscribe failed");
      state().subscribed = null;
    });
}

/** Call after every committed write of a tenant's settings, rules or providers. */
export async function invalidateTenantConfig(tenantId: string): Promise<void> {
  dispatch(tenantId);
  await topicBus()
    .publish(TOPIC, { tenantId })
    .catch((err: unknown) => logger().warn({ err, tenantId }, "tenant config invalidation: publish failed"));
}
