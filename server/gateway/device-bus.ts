import { env } from "../env";
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

export class RedisDeviceBus extends TopicDeviceBus {
  private readonly redisTopics: RedisTopicBus;

  constructor(url: string) {
    const topics = new RedisTopicBus(url);
    super(topics);
    this.redisTopics = topics;
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
