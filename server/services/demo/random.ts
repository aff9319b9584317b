// A small seeded random source (mulberry32): the demo is the same for the same options, which keeps
// the test's expectations and screenshots stable.

export type TRandom = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** a sample from a normal-ish distribution (sum of uniforms), clamped to [min, max] */
  around(mean: number, spread: number, min: number, max: number): number;
};

export function seededRandom(seed: number): TRandom {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    around: (mean, spread, min, max) => {
      const n = (next() + next() + next() - 1.5) / 1.5; // -1..1, peaked at 0
      return Math.min(max, Math.max(min, mean + n * spread));
    },
  };
}
