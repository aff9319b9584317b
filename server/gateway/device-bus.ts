import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { env } from "../env";
import { logger } from "../logging";

// Fan-out to the gateway instance that holds a device's socket, wherever the event is produced (a reply
// on another instance, a dashboard action in Next's module copy). With REDIS_URL: one pub/sub channel
// per device (kefu:agent:device:<id>), published on the command connection and received on a separate
// subscriber connection, which only subscribes to the devices connected to this instance. Without
// Redis: an in-process hub on globalThis (Next loads server modules in several copies per process).
// Presence (which devices have a live socket) goes through the same object.

export type TOutgoingSend = {
  type: "send";
  id: string;
  chat: { id: string; name: string; type: "private" | "group" };
  text: string;
  replyTo: string | null;
};
export type TDeviceCommand = "pause" | "resume" | "reload";
export type TDeviceEvent =
  { kind: "send"; frames: TOutgoingSend[] } | { kind: "command"; name: TDeviceCommand } | { kind: "revoke" };
export type TDeviceListener = (event: TDeviceEvent) => void;

export interface DeviceBus {
  publish(deviceId: string, event: TDeviceEvent): Promise<void>;
  /** Listens for one device's events; the returned function stops listening. */
  subscribe(deviceId: string, listener: TDeviceListener): Promise<() => Promise<void>>;
  /** Presence: a connection opened / is still alive (heartbeat) / closed. */
  markConnected(deviceId: string, connectionId: string): Promise<void>;
  markDisconnected(deviceId: string, connectionId: string): Promise<void>;
  connectedDevices(deviceIds: string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

export const deviceChannel = (deviceId: string) => `kefu:agent:device:${deviceId}`;
const presenceKey = (deviceId: string) => `kefu:agent:presence:${deviceId}`;
/** A presence entry outlives a crashed instance by this long; heartbeats refresh it. */
const PRESENCE_TTL_SEC = 120;

type TLocalState = {
  listeners: Map<string, Set<TDeviceListener>>;
  presence: Map<string, Set<string>>;
};
const LOCAL = Symbol.for("kefu.agent-bus.local");
type G = typeof globalThis & { [LOCAL]?: TLocalState; [DEFAULT]?: DeviceBus };

function localState(): TLocalState {
  const g = globalThis as G;
  return (g[LOCAL] ??= { listeners: new Map(), presence: new Map() });
}

function dispatch(listeners: Iterable<TDeviceListener>, event: TDeviceEvent, deviceId: string) {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (err) {
      logger().error({ err, deviceId }, "device event listener failed");
    }
  }
}

export class LocalDeviceBus implements DeviceBus {
  private readonly state = localState();

  async publish(deviceId: string, event: TDeviceEvent): Promise<void> {
    const set = this.state.listeners.get(deviceId);
    if (set) dispatch([...set], event, deviceId);
  }

  async subscribe(deviceId: string, listener: TDeviceListener) {
    const set = this.state.listeners.get(deviceId) ?? new Set();
    set.add(listener);
    this.state.listeners.set(deviceId, set);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.state.listeners.get(deviceId) === set) this.state.listeners.delete(deviceId);
    };
  }

  async markConnected(deviceId: string, connectionId: string) {
    const set = this.state.presence.get(deviceId) ?? new Set();
    set.add(connectionId);
    this.state.presence.set(deviceId, set);
  }

  async markDisconnected(deviceId: string, connectionId: string) {
    const set = this.state.presence.get(deviceId);
    set?.delete(connectionId);
    if (set?.size === 0) this.state.presence.delete(deviceId);
  }

  async connectedDevices(deviceIds: string[]) {
    return new Set(deviceIds.filter((id) => (this.state.presence.get(id)?.size ?? 0) > 0));
  }

  async close() {}
}

export class RedisDeviceBus implements DeviceBus {
  private readonly pub: Redis;
  private sub: Redis | null = null;
  private readonly listeners = new Map<string, Set<TDeviceListener>>();
  readonly instanceId = randomUUID();

  constructor(private readonly url: string) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.pub.on("error", (err) => logger().warn({ err: err.message }, "redis (device bus) error"));
  }

  private subscriber(): Redis {
    if (this.sub) return this.sub;
    const sub = new Redis(this.url, { maxRetriesPerRequest: null, lazyConnect: false });
    sub.on("error", (err) => logger().warn({ err: err.message }, "redis (device bus subscriber) error"));
    sub.on("message", (channel: string, raw: string) => {
      const deviceId = channel.slice(deviceChannel("").length);
      const set = this.listeners.get(deviceId);
      if (!set?.size) return;
      let event: TDeviceEvent;
      try {
        event = JSON.parse(raw) as TDeviceEvent;
      } catch (err) {
        return logger().error({ err, deviceId }, "unreadable device event");
      }
      dispatch([...set], event, deviceId);
    });
    this.sub = sub;
    return sub;
  }

  async publish(deviceId: string, event: TDeviceEvent): Promise<void> {
    await this.pub.publish(deviceChannel(deviceId), JSON.stringify(event));
  }

  async subscribe(deviceId: string, listener: TDeviceListener) {
    let set = this.listeners.get(deviceId);
    if (!set) {
      set = new Set();
      this.listeners.set(deviceId, set);
      await this.subscriber().subscribe(deviceChannel(deviceId));
    }
    set.add(listener);
    const own = set;
    return async () => {
      own.delete(listener);
      if (own.size === 0 && this.listeners.get(deviceId) === own) {
        this.listeners.delete(deviceId);
        await this.sub?.unsubscribe(deviceChannel(deviceId)).catch(() => {});
      }
    };
  }

  async markConnected(deviceId: string, connectionId: string) {
    await this.pub
      .multi()
      .sadd(presenceKey(deviceId), connectionId)
      .expire(presenceKey(deviceId), PRESENCE_TTL_SEC)
      .exec();
  }

  async markDisconnected(deviceId: string, connectionId: string) {
    await this.pub.srem(presenceKey(deviceId), connectionId);
  }

  async connectedDevices(deviceIds: string[]) {
    if (deviceIds.length === 0) return new Set<string>();
    const pipeline = this.pub.pipeline();
    for (const id of deviceIds) pipeline.scard(presenceKey(id));
    const results = (await pipeline.exec()) ?? [];
    return new Set(deviceIds.filter((_, i) => Number(results[i]?.[1] ?? 0) > 0));
  }

  async close() {
    this.listeners.clear();
    await Promise.allSettled([this.sub?.quit(), this.pub.quit()]);
  }
}

const DEFAULT = Symbol.for("kefu.agent-bus.default");

/** The process's bus: Redis when REDIS_URL is set, otherwise the in-process hub. */
export function deviceBus(): DeviceBus {
  const g = globalThis as G;
  if (g[DEFAULT]) return g[DEFAULT];
  const url = env().REDIS_URL;
  g[DEFAULT] = url ? new RedisDeviceBus(url) : new LocalDeviceBus();
  return g[DEFAULT];
}
