import type { Health } from "@/lib/projects/enums";

/**
 * Health colours for graphics (markers, chart lines, bars): each at least 3:1
 * against white and the map's land, and always paired with a shape or text,
 * never the only cue. Tailwind's 600/500 shades as hex, for SVG.
 */
export const HEALTH_COLOR: Record<Health, string> = {
  ON_TRACK: "#059669", // emerald-600
  AT_RISK: "#d97706", // amber-600
  OFF_TRACK: "#dc2626", // red-600
  NOT_ASSESSED: "#64748b", // slate-500
};

/** Worst first: the order lists and breakdowns use. */
export const HEALTH_SEVERITY: readonly Health[] = ["OFF_TRACK", "AT_RISK", "ON_TRACK", "NOT_ASSESSED"];
