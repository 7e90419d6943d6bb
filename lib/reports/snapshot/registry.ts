import { milestonesSection } from "./milestones";
import { overviewSection } from "./overview";
import type { SnapshotSection } from "./types";

/** A section whose data type is its own business (each is checked where it is defined). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySection = SnapshotSection<any>;

/**
 * The sections of a report, in order. Capex, KPIs and top risks plug in here
 * as they land: one file each, one line below.
 */
export const SNAPSHOT_SECTIONS: readonly AnySection[] = [overviewSection, milestonesSection];
