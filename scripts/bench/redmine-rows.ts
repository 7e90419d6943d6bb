import { BUSINESS_LINES, HEALTHS, REGIONS, STAGES, type MilestoneState } from "../../lib/projects/enums";
import { regionOfCountry } from "../../lib/projects/regions";
import type { SeedProject } from "../../lib/db/seed-types";

/**
 * The synthetic portfolio as Redmine 5 rows, for the peer comparison
 * (scripts/bench/redmine-load.ts writes them). Pure, so it is tested. What
 * stands for what:
 *
 * - a project → a public project with the same identifier (our slug), name and
 *   description (our summary); flat (lft/rgt of a nested set without children);
 * - its region, stage, health and business line → list-type project custom
 *   fields, filterable, as Lodestone filters by them;
 * - each milestone → a version (Redmine's dated target), and the first
 *   ISSUES_PER_PROJECT milestones also → an issue in that version, its status
 *   from the milestone's state, the first carrying the project's progress as
 *   its done ratio (the write updates it, as ours updates the progress);
 * - each history entry → a journal (a note) on one of those issues.
 *
 * Only the issue-tracking module is enabled: the leanest Redmine overview, so
 * the comparison does not flatter Lodestone with boxes (news, time spent)
 * Lodestone's project page has no counterpart for.
 */
export const ISSUES_PER_PROJECT = 3;

/** The facts Lodestone filters the list by, as Redmine project custom fields (name ≤ 30 characters), with every value they can take. */
export const REDMINE_FACT_FIELDS = [
  { name: "Region", values: REGIONS as readonly string[] },
  { name: "Stage", values: STAGES as readonly string[] },
  { name: "Health", values: HEALTHS as readonly string[] },
  { name: "Business line", values: BUSINESS_LINES as readonly string[] },
] as const;

/** Redmine's tracker, status and priority ids after `rake redmine:load_default_data` (English). */
const FEATURE_TRACKER = 2;
const NORMAL_PRIORITY = 2;
const STATUS_OF: Record<MilestoneState, { id: number; closed: boolean }> = {
  PLANNED: { id: 1, closed: false }, // New
  MISSED: { id: 2, closed: false }, // In Progress: late, still open
  ACHIEVED: { id: 5, closed: true }, // Closed
  CANCELLED: { id: 6, closed: true }, // Rejected
};

/** Redmine 5's rule for an identifier (Project::IDENTIFIER_MAX_LENGTH = 100). */
export function isRedmineIdentifier(identifier: string): boolean {
  return identifier.length >= 1 && identifier.length <= 100 && /^[a-z0-9_-]+$/.test(identifier) && !/^\d+$/.test(identifier);
}

/** YAML for a serialized Ruby array of strings, as Redmine stores a list field's possible values. */
export function yamlList(values: readonly string[]): string {
  return `---\n${values.map((v) => `- ${JSON.stringify(v)}`).join("\n")}\n`;
}

export interface RedmineRows {
  projects: { id: number; name: string; description: string; identifier: string; lft: number; rgt: number }[];
  /** [project id, custom field index in REDMINE_FACT_FIELDS, value] */
  customValues: { projectId: number; field: number; value: string }[];
  versions: { id: number; projectId: number; name: string; effectiveDate: string | null; status: "open" | "closed" }[];
  issues: {
    id: number;
    projectId: number;
    versionId: number;
    subject: string;
    dueDate: string | null;
    statusId: number;
    closed: boolean;
    doneRatio: number;
    trackerId: number;
    priorityId: number;
  }[];
  journals: { issueId: number; notes: string; createdOn: string }[];
}

/** Rows for projects numbered from 1 (the row ids of every table start at 1: the loader empties them first). */
export function redmineRows(projects: SeedProject[]): RedmineRows {
  const rows: RedmineRows = { projects: [], customValues: [], versions: [], issues: [], journals: [] };
  projects.forEach((p, i) => {
    if (!isRedmineIdentifier(p.slug)) throw new Error(`${JSON.stringify(p.slug)} is not a valid Redmine identifier`);
    const id = i + 1;
    rows.projects.push({ id, name: p.nameEn, description: p.summary, identifier: p.slug, lft: 2 * id - 1, rgt: 2 * id });
    const region = p.countryCode ? regionOfCountry(p.countryCode) : undefined;
    const facts = [region, p.stage, p.health, p.businessLine];
    facts.forEach((value, field) => {
      if (value) rows.customValues.push({ projectId: id, field, value });
    });
    const issueIds: number[] = [];
    p.milestones.forEach((m, k) => {
      const versionId = rows.versions.length + 1;
      const date = m.actual?.date ?? m.forecast?.date ?? m.baseline?.date ?? null;
      const state = STATUS_OF[m.state];
      rows.versions.push({ id: versionId, projectId: id, name: m.title, effectiveDate: date, status: state.closed ? "closed" : "open" });
      if (k >= ISSUES_PER_PROJECT) return;
      const issueId = rows.issues.length + 1;
      issueIds.push(issueId);
      rows.issues.push({
        id: issueId,
        projectId: id,
        versionId,
        subject: m.title,
        dueDate: date,
        statusId: state.id,
        closed: state.closed,
        doneRatio: k === 0 ? (p.progressPercent ?? 0) : state.closed ? 100 : 0,
        trackerId: FEATURE_TRACKER,
        priorityId: NORMAL_PRIORITY,
      });
    });
    if (issueIds.length) p.history.forEach((h, k) => rows.journals.push({ issueId: issueIds[k % issueIds.length], notes: h.comment, createdOn: h.occurredAt }));
  });
  return rows;
}
