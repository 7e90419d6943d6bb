import type { FieldChangeView } from "../projects/types";

/**
 * Whether a history entry's changes are a milestone being added: every field
 * is a milestone field that had no value before, and the title is among them
 * (a milestone always has a title, so no edit sets it from nothing). Such an
 * entry reads as one line, "Added milestone …", not five "not set →" lines.
 */
export function isMilestoneAdded(changes: readonly FieldChangeView[]): boolean {
  return (
    changes.length > 0 &&
    changes.some((c) => c.field === "milestone.title") &&
    changes.every((c) => c.field.startsWith("milestone.") && (c.before === null || c.before === ""))
  );
}
