import Redis from "ioredis";
import { env } from "../env";
import { logger } from "../logging";
import { LocalTopicBus, RedisTopicBus, type TopicBus } from "../realtime/topic-bus";

// Fan-out to the gateway instance that holds a device's socket, wherever the event is produced (a reply
// on another instance, a dashboard action in Next's module copy): one topic per device on the topic
// bus (Redis channel kefu:agent:device:<id>, or the in-process hub without Redis). Presence (which
// devices have a live socket) goes through the same object: a Redis set per device, or a local map.

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

export const deviceChannel = (deviceId: string) => `kefu:${deviceTopic(deviceId)}`;
const deviceTopic = (deviceId: string) => `agent:device:${deviceId}`;
const presenceKey = (deviceId: string) => `kefu:agent:presence:${deviceId}`;
/** A presence entry outlives a crashed instance by this long; heartbeats refresh it. */
const PRESENCE_TTL_SEC = 120;

const LOCAL = Symbol.for("kefu.agent-bus.local");
const DEFAULT = Symbol.for("kefu.agent-bus.default");
type G = typeof globalThis & { [LOCAL]?: Map<string, Set<string>>; [DEFAULT]?: DeviceBus };

/** Device events travel on the topic bus; only presence differs between the two kinds. */
abstract class TopicDeviceBus implements DeviceBus {
  constructor(protected readonly topics: TopicBus) {}

  publish(deviceId: string, event: TDeviceEvent): Promise<void> {
    return this.topics.publish(deviceTopic(deviceId), event);
  }

  subscribe(deviceId: string, listener: TDeviceListener) {
    return this.topics.subscribe(deviceTopic(deviceId), (payload) => listener(payload as TDeviceEvent));
  }

  abstract markConnected(deviceId: string, connectionId: string): Promise<void>;
  abstract markDisconnected(deviceId: string, connectionId: string): Promise<void>;
  abstract connectedDevices(deviceIds: string[]): Promise<Set<string>>;

  close(): Promise<void> {
    return this.topics.close();
  }
}

export class LocalDeviceBus extends TopicDeviceBus {
  private readonly presence: Map<string, Set<string>>;

  constructor() {
    super(new LocalTopicBus());
    this.presence = (globalThis as G)[LOCAL] ??= new Map();
  }

  async markConnected(deviceId: string, connectionId: string) {
    const set = this.presence.get(deviceId) ?? new Set();
    set.add(connectionId);
    this.presence.set(deviceId, set);
  }

  async markDisconnected(deviceId: string, connectionId: string) {
    const set = this.presence.get(deviceId);
    set?.delete(connectionId);
    if (set?.size === 0) this.presence.delete(deviceId);
  }

  async connectedDevices(deviceIds: string[]) {
    return new Set(deviceIds.filter((id) => (this.presence.get(id)?.size ?? 0) > 0));
  }
}

/**
 * Events are received through ONE pattern subscription per process (kefu:agent:device:*) and routed
 * to the local sockets by an in-memory map, instead of one Redis channel per connected device: 5 000
 * devices would otherwise mean 5 000 SUBSCRIBE round trips while they connect and as many entries in
 * the client's resubscribe list. The price: every instance sees every device event (small: replies and
 * commands) and drops those for devices it does not hold.
 */
export class RedisDeviceBus extends TopicDeviceBus {
  private readonly redisTopics: RedisTopicBus;
  private readonly listeners = new Map<string, Set<TDeviceListener>>();
  private sub: Redis | null = null;
  private subscribed: Promise<unknown> | null = null;

  constructor(private readonly url: string) {
    const topics = new RedisTopicBus(url);
    super(topics);
    this.redisTopics = topics;
  }

  override async subscribe(deviceId: string, listener: TDeviceListener) {
    let set = this.listeners.get(deviceId);
    if (!set) this.listeners.set(deviceId, (set = new Set()));
    set.add(listener);
    const own = set;
    const stop = async () => {
      own.delete(listener);
      if (own.size === 0 && this.listeners.get(deviceId) === own) this.listeners.delete(deviceId);
    };
    try {
      await this.patternSubscription();
    } catch (err) {
      await stop();
      throw err;
    }
    return stop;
  }

  /** The process's one subscriber connection, subscribed once (ioredis re-subscribes after a reconnect). */
  private patternSubscription(): Promise<unknown> {
    if (this.subscribed) return this.subscribed;
    const sub = (this.sub ??= new Redis(this.url, { maxRetriesPerRequest: null }));
    if (sub.listenerCount("pmessage") === 0) {
      sub.on("error", (err) => logger().warn({ err: err.message }, "redis (device bus subscriber) error"));
      sub.on("pmessage", (_pattern: string, channel: string, raw: string) => this.dispatch(channel, raw));
    }
    this.subscribed = sub.psubscribe(deviceChannel("*")).catch((err: unknown) => {
      this.subscribed = null; // the next connecting device tries again
      throw err;
    });
    return this.subscribed;
  }

  private dispatch(channel: string, raw: string): void {
    const set = this.listeners.get(channel.slice(deviceChannel("").length));
    if (!set?.size) return;
    let event: TDeviceEvent;
    try {
      event = JSON.parse(raw) as TDeviceEvent;
    } catch (err) {
      return logger().error({ err, channel }, "unreadable device event");
    }
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (err) {
        logger().error({ err, channel }, "device event listener failed");
      }
    }
  }

  override async close(): Promise<void> {
    this.listeners.clear();
    await Promise.allSettled([super.close(), this.sub?.quit()]);
  }

  private get pub() {
    return this.redisTopics.pub;
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
}

/** The process's bus: Redis when REDIS_URL is set, otherwise the in-process hub. */
export function deviceBus(): DeviceBus {
  const g = globalThis as G;
  if (g[DEFAULT]) return g[DEFAULT];
  const url = env().REDIS_URL;
  g[DEFAULT] = url ? new RedisDeviceBus(url) : new LocalDeviceBus();
  return g[DEFAULT];
}
