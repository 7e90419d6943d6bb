import { capexSection } from "./capex";
import { gatesSection } from "./gates";
import { kpisSection } from "./kpis";
import { milestonesSection } from "./milestones";
import { overviewSection } from "./overview";
import { risksSection } from "./risks";
import type { SnapshotSection } from "./types";

/** A section whose data type is its own business (each is checked where it is defined). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySection = SnapshotSection<any>;

/**
 * The sections of a report, in order: one file each, one line here. A report
 * published before a section existed simply has no such key (readers and
 * "what changed" skip it).
 */
export const SNAPSHOT_SECTIONS: readonly AnySection[] = [overviewSection, milestonesSection, capexSection, kpisSection, risksSection, gatesSection];
