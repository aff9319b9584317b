// Small helpers that must never throw into the host page.

export function warn(...args: unknown[]): void {
  try {
    console.warn("[kefu]", ...args);
  } catch {
    /* a host page may have replaced console */
  }
}

/** Runs fn and swallows (logs) whatever it throws: the host page must never see our errors. */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      warn(e);
      return undefined;
    }
  };
}

/** RFC 4122 v4. crypto.randomUUID needs a secure context, and shops still run on plain http. */
export function uuid(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => (x + 0x100).toString(16).slice(1)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type TStorageKind = "localStorage" | "sessionStorage";
const memory = new Map<string, string>();

// Storage can be missing or throw (private mode, third-party iframes with storage blocked): fall back
// to memory so the widget still works for this page view.
export function readStorage(kind: TStorageKind, key: string): string | null {
  try {
    return window[kind].getItem(key);
  } catch {
    return memory.get(`${kind}:${key}`) ?? null;
  }
}

export function writeStorage(kind: TStorageKind, key: string, value: string | null): void {
  try {
    if (value === null) window[kind].removeItem(key);
    else window[kind].setItem(key, value);
  } catch {
    if (value === null) memory.delete(`${kind}:${key}`);
    else memory.set(`${kind}:${key}`, value);
  }
}
