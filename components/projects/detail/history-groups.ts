import type { HistoryEntry } from "@/lib/projects/types";

/** The timeline's "Show changes to" choices. */
export const HISTORY_FILTERS = ["all", "stage", "health", "progressPercent", "forecastFinish", "milestones", "other"] as const;
export type HistoryFilter = (typeof HISTORY_FILTERS)[number];

const OWN_GROUP = new Set<string>(["stage", "health", "progressPercent", "forecastFinish"]);

/** Which filter groups an entry belongs to (one per changed field). */
export function historyGroups(entry: HistoryEntry): HistoryFilter[] {
  const groups = new Set<HistoryFilter>();
  if (entry.milestoneTitle) groups.add("milestones");
  for (const { field } of entry.changes) {
    if (OWN_GROUP.has(field)) groups.add(field as HistoryFilter);
    else if (field.startsWith("milestone.")) groups.add("milestones");
    else groups.add("other");
  }
  return [...groups];
}
