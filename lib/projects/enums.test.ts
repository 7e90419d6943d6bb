import { describe, expect, it } from "vitest";
import * as prismaEnums from "../db/generated/enums";
import * as ours from "./enums";

// The client-safe copies must list exactly the schema's values, in order.
describe("enums", () => {
  it.each([
    ["Region", ours.REGIONS],
    ["BusinessLine", ours.BUSINESS_LINES],
    ["Stage", ours.STAGES],
    ["Health", ours.HEALTHS],
    ["ProjectKind", ours.PROJECT_KINDS],
    ["DatePrecision", ours.DATE_PRECISIONS],
    ["MilestoneState", ours.MILESTONE_STATES],
  ] as const)("%s matches prisma/schema.prisma", (name, values) => {
    expect(Object.values(prismaEnums[name])).toEqual([...values]);
  });
});
