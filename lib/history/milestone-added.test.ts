import { describe, expect, it } from "vitest";
import { isMilestoneAdded } from "./milestone-added";

describe("isMilestoneAdded", () => {
  it("recognises a new milestone's fields, set from nothing", () => {
    expect(
      isMilestoneAdded([
        { field: "milestone.title", before: null, after: "First ore" },
        { field: "milestone.state", before: null, after: "PLANNED" },
        { field: "milestone.baseline", before: null, after: "2027-01-01|YEAR" },
      ]),
    ).toBe(true);
  });

  it("leaves edits as they are: a changed title, a forecast set later, project fields, nothing at all", () => {
    expect(isMilestoneAdded([{ field: "milestone.title", before: "First ore", after: "First concentrate" }])).toBe(false);
    expect(isMilestoneAdded([{ field: "milestone.forecast", before: null, after: "2027-01-01|YEAR" }])).toBe(false);
    expect(
      isMilestoneAdded([
        { field: "milestone.title", before: null, after: "First ore" },
        { field: "health", before: null, after: "AT_RISK" },
      ]),
    ).toBe(false);
    expect(isMilestoneAdded([])).toBe(false);
  });
});
