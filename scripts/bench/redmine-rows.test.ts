import { describe, expect, it } from "vitest";
import { ISSUES_PER_PROJECT, isRedmineIdentifier, REDMINE_FACT_FIELDS, redmineRows, yamlList } from "./redmine-rows";
import { generateSyntheticProjects } from "./synthetic";

describe("the synthetic portfolio as Redmine rows", () => {
  const projects = generateSyntheticProjects({ count: 500, milestonesPerProject: 10, historyPerProject: 20 });
  const rows = redmineRows(projects);

  it("keeps every project's identifier, name and facts", () => {
    expect(rows.projects).toHaveLength(500);
    expect(rows.projects.map((p) => p.identifier)).toEqual(projects.map((p) => p.slug));
    expect(rows.projects[0]).toMatchObject({ id: 1, name: projects[0].nameEn, description: projects[0].summary, lft: 1, rgt: 2 });
    const stageField = REDMINE_FACT_FIELDS.findIndex((f) => f.name === "Stage");
    expect(rows.customValues.filter((v) => v.field === stageField).map((v) => v.value)).toEqual(projects.map((p) => p.stage));
    for (const v of rows.customValues) expect(REDMINE_FACT_FIELDS[v.field].values).toContain(v.value);
  });

  it("makes a version per milestone, a few issues per project in them, and a journal per history entry", () => {
    expect(rows.versions).toHaveLength(5000);
    expect(rows.issues).toHaveLength(500 * ISSUES_PER_PROJECT);
    expect(rows.journals).toHaveLength(500 * 20);
    const issue = rows.issues[0];
    expect(rows.versions[issue.versionId - 1]).toMatchObject({ projectId: issue.projectId, name: issue.subject });
    expect(issue.doneRatio).toBe(projects[0].progressPercent ?? 0);
    for (const i of rows.issues) expect(i.doneRatio).toBeGreaterThanOrEqual(0);
    const ids = new Set(rows.issues.map((i) => i.id));
    for (const j of rows.journals) expect(ids.has(j.issueId)).toBe(true);
  });

  it("refuses a slug Redmine would not take as an identifier", () => {
    expect(isRedmineIdentifier("syn-00001-copper-mine-cn")).toBe(true);
    expect(isRedmineIdentifier("12345")).toBe(false);
    expect(isRedmineIdentifier("Syn-A")).toBe(false);
    expect(isRedmineIdentifier("x".repeat(101))).toBe(false);
    expect(() => redmineRows([{ ...projects[0], slug: "Bad Slug" }])).toThrow(/not a valid Redmine identifier/);
  });

  it("writes a list field's possible values as Ruby's YAML array", () => {
    expect(yamlList(["CHINA", "ASIA_PACIFIC"])).toBe('---\n- "CHINA"\n- "ASIA_PACIFIC"\n');
  });
});
