import Redis from "ioredis";
import { env } from "../env";
import { logger } from "../logging";

// Publish/subscribe by topic name, across instances. With REDIS_URL: one Redis channel per topic
// (`kefu:<topic>`), published on the command connection and received on a separate subscriber
// connection that only subscribes to topics someone on this instance listens to. Without Redis: an
// in-process hub on globalThis (Next loads server modules in several copies per process, and an event
// produced in a route handler must reach a socket held by the custom server).
// Payloads are JSON; a listener that throws never stops the others.

export type TTopicListener = (payload: unknown) => void;

export interface TopicBus {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Listens to one topic; the returned function stops listening. */
  subscribe(topic: string, listener: TTopicListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const CHANNEL_PREFIX = "kefu:";

function dispatch(listeners: Iterable<TTopicListener>, payload: unknown, topic: string) {
  for (const listener of listeners) {
    try {
      listener(payload);
    } catch (err) {
      logger().error({ err, topic }, "topic listener failed");
    }
  }
}

const LOCAL = Symbol.for("kefu.topic-bus.local");
const DEFAULT = Symbol.for("kefu.topic-bus.default");
type G = typeof globalThis & { [LOCAL]?: Map<string, Set<TTopicListener>>; [DEFAULT]?: TopicBus };

export class LocalTopicBus implements TopicBus {
  private readonly listeners: Map<string, Set<TTopicListener>>;

  constructor() {
    const g = globalThis as G;
    this.listeners = g[LOCAL] ??= new Map();
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    const set = this.listeners.get(topic);
    // a JSON round trip, as through Redis: listeners never share (or mutate) the publisher's object
    if (set?.size) dispatch([...set], JSON.parse(JSON.stringify(payload)), topic);
  }

  async subscribe(topic: string, listener: TTopicListener) {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(topic) === set) this.listeners.delete(topic);
    };
  }

  async close() {}
}

export class RedisTopicBus implements TopicBus {
  readonly pub: Redis;
  private sub: Redis | null = null;
  private readonly listeners = new Map<string, Set<TTopicListener>>();

  constructor(private readonly url: string) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.pub.on("error", (err) => logger().warn({ err: err.message }, "redis (topic bus) error"));
  }

  private subscriber(): Redis {
    if (this.sub) return this.sub;
    const sub = new Redis(this.url, { maxRetriesPerRequest: null, lazyConnect: false });
    sub.on("error", (err) => logger().warn({ err: err.message }, "redis (topic bus subscriber) error"));
    sub.on("message", (channel: string, raw: string) => {
      const topic = channel.slice(CHANNEL_PREFIX.length);
      const set = this.listeners.get(topic);
      if (!set?.size) return;
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch (err) {
        return logger().error({ err, topic }, "unreadable topic payload");
      }
      dispatch([...set], payload, topic);
    });
    this.sub = sub;
    return sub;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.pub.publish(CHANNEL_PREFIX + topic, JSON.stringify(payload));
  }

  async subscribe(topic: string, listener: TTopicListener) {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
      await this.subscriber().subscribe(CHANNEL_PREFIX + topic);
    }
    set.add(listener);
    const own = set;
    return async () => {
      own.delete(listener);
      if (own.size === 0 && this.listeners.get(topic) === own) {
        this.listeners.delete(topic);
        await this.sub?.unsubscribe(CHANNEL_PREFIX + topic).catch(() => {});
      }
    };
  }

  async close() {
    this.listeners.clear();
    await Promise.allSettled([this.sub?.quit(), this.pub.quit()]);
  }
}

/** The process's topic bus: Redis when REDIS_URL is set, otherwise the in-process hub. */
export function topicBus(): TopicBus {
  const g = globalThis as G;
  if (g[DEFAULT]) return g[DEFAULT];
  const url = env().REDIS_URL;
  g[DEFAULT] = url ? new RedisTopicBus(url) : new LocalTopicBus();
  return g[DEFAULT];
}
