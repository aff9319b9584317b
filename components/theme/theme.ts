// Theme preference: "light", "dark" or "system" (follow prefers-color-scheme), kept in localStorage.
// THEME_SCRIPT runs inline in <head> before first paint so a dark page never flashes white.

export const THEME_KEY = "kefu-theme";
export type TTheme = "light" | "dark" | "system";

export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

export function readTheme(): TTheme {
  try {
    const t = localStorage.getItem(THEME_KEY);
    return t === "light" || t === "dark" ? t : "system";
  } catch {
    return "system";
  }
}

export function applyTheme(theme: TTheme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}
