// Colours and shared axis/tooltip styling for the overview charts. The series colours are mid-tone
// (oklch lightness 0.55–0.72) so each keeps at least 3:1 against both the light and the dark card;
// every chart also has a legend and a text table, so colour is never the only way to tell series apart.

export const SERIES = {
  customer: "var(--color-primary)",
  bot: "oklch(0.62 0.13 195)",
  agent: "oklch(0.7 0.15 65)",
  transfer: "oklch(0.62 0.19 25)",
  clarify: "oklch(0.7 0.15 65)",
  resolution: "oklch(0.6 0.14 155)",
  knowledge: "var(--color-primary)",
  autoApproved: "oklch(0.6 0.14 155)",
  approved: "oklch(0.62 0.13 195)",
  pending: "oklch(0.7 0.15 65)",
  rejected: "oklch(0.62 0.19 25)",
} as const;

/** Providers get colours in order of appearance; more than six cycle (the table names them all). */
export const PROVIDER_COLOURS = [
  "var(--color-primary)",
  "oklch(0.62 0.13 195)",
  "oklch(0.7 0.15 65)",
  "oklch(0.6 0.14 155)",
  "oklch(0.62 0.19 25)",
  "oklch(0.6 0.12 320)",
];

export const LEVEL_COLOURS = {
  WHITE: "oklch(0.6 0.14 155)",
  GRAY: "oklch(0.62 0.02 265)",
  BLACK: "oklch(0.45 0.03 265)",
} as const;

export const AXIS = {
  tick: { fontSize: 12, fill: "var(--color-muted-foreground)" },
  stroke: "var(--color-border)",
} as const;

export const GRID = { strokeDasharray: "3 3", vertical: false, stroke: "var(--color-border)" } as const;

export const TOOLTIP = {
  contentStyle: {
    background: "var(--color-popover)",
    color: "var(--color-popover-foreground)",
    border: "1px solid var(--color-border)",
    borderRadius: 8,
    fontSize: 12,
  },
  cursor: { fill: "var(--color-muted)", fillOpacity: 0.6 },
} as const;

// itemSorter null keeps the series order (customer, bot, agent…) instead of sorting names alphabetically
export const LEGEND = {
  wrapperStyle: { fontSize: 12, paddingTop: 4 },
  iconSize: 10,
  itemSorter: null,
} as const;
