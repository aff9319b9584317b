import type { TKefuEventName, TKefuEvents } from "./types";
import { warn } from "./util";

type TListener<E extends TKefuEventName> = (payload: TKefuEvents[E]) => void;

/** `Kefu.on(event, cb)`: a listener that throws is logged and never breaks the widget or the page. */
export class Emitter {
  private listeners = new Map<TKefuEventName, Set<TListener<never>>>();

  on<E extends TKefuEventName>(event: E, cb: TListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb as TListener<never>);
    return () => set.delete(cb as TListener<never>);
  }

  emit<E extends TKefuEventName>(event: E, payload: TKefuEvents[E]): void {
    for (const cb of this.listeners.get(event) ?? []) {
      try {
        (cb as TListener<E>)(payload);
      } catch (e) {
        warn(`a "${event}" listener failed:`, e);
      }
    }
  }
}
