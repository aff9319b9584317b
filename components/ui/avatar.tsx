import { cn } from "./cn";

// Deterministic tint per name so the same person keeps the same colour across pages.
const TINTS = [
  "bg-indigo-100 text-indigo-800 dark:bg-indigo-500/25 dark:text-indigo-100",
  "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/25 dark:text-emerald-100",
  "bg-amber-100 text-amber-900 dark:bg-amber-500/25 dark:text-amber-100",
  "bg-sky-100 text-sky-800 dark:bg-sky-500/25 dark:text-sky-100",
  "bg-rose-100 text-rose-800 dark:bg-rose-500/25 dark:text-rose-100",
  "bg-violet-100 text-violet-800 dark:bg-violet-500/25 dark:text-violet-100",
];

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "?";
  // CJK names: the first character reads naturally; latin names: first letters of two words
  if (/[\u3400-\u9fff]/.test(parts[0])) return parts[0].slice(0, 1);
  return ((parts[0][0] ?? "") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

export function Avatar({ name, className }: { name: string; className?: string }) {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
        TINTS[h % TINTS.length],
        className,
      )}
    >
      {initialsOf(name)}
    </span>
  );
}
