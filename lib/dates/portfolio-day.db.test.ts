import { beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio } from "../db/seed";
import { NO_FILTERS } from "../dashboard/filters";
import { listOverdueMilestones, listUpcomingMilestones } from "../dashboard/milestones";
import { parseListParamsLenient } from "../projects/list-params";
import { listProjects } from "../projects/list-projects";
import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { portfolioToday } from "./portfolio-day";

/**
 * Regression (issue 12.5, 17.11): the list's "due within N days" took the UTC
 * day while the dashboard took Beijing's, so from 16:00 to 24:00 UTC a
 * milestone due "yesterday" in Beijing was still "due" in the list while the
 * dashboard counted it overdue. Both now read the one portfolio day.
 */
// 2026-06-01 17:30 UTC = 2026-06-02 01:30 in Beijing.
const AFTER_BEIJING_MIDNIGHT = new Date("2026-06-01T17:30:00Z");
// 2026-06-01 15:30 UTC = 2026-06-01 23:30 in Beijing.
const BEFORE_BEIJING_MIDNIGHT = new Date("2026-06-01T15:30:00Z");

const dueSlugs = async (days: number, now: Date) =>
  (await listProjects(parseListParamsLenient(new URLSearchParams(`due=${days}`)).params, { now, scope: WHOLE_PORTFOLIO })).rows.map((r) => r.slug).sort();

describe.each(testBackends())("one portfolio day across the UTC/Beijing midnight on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    await loadPortfolio(database().prisma, {
      source: { key: "test-source", title: "Test source", publisher: "Tester", publishedOn: "2025-01-23" },
      projects: [
        buildProject({
          slug: "due-june-1",
          milestones: [{ key: "a", title: "Due 1 June", state: "PLANNED", baseline: { date: "2026-06-01", precision: "DAY" } }],
        }),
        buildProject({
          slug: "due-june-3",
          milestones: [{ key: "b", title: "Due 3 June", state: "PLANNED", baseline: { date: "2026-06-03", precision: "DAY" } }],
        }),
      ],
    });
  });

  it("takes the day in Beijing, not the UTC day", () => {
    expect(portfolioToday(BEFORE_BEIJING_MIDNIGHT)).toBe("2026-06-01");
    expect(portfolioToday(AFTER_BEIJING_MIDNIGHT)).toBe("2026-06-02");
    expect(AFTER_BEIJING_MIDNIGHT.toISOString().slice(0, 10)).toBe("2026-06-01");
  });

  it("before Beijing's midnight: 1 June is due today in the list and on the dashboard", async () => {
    expect(await dueSlugs(1, BEFORE_BEIJING_MIDNIGHT)).toEqual(["due-june-1"]);
    const today = portfolioToday(BEFORE_BEIJING_MIDNIGHT);
    const upcoming = await listUpcomingMilestones({ filters: NO_FILTERS, today, days: 1 });
    expect(upcoming.rows.map((m) => m.project.slug)).toEqual(["due-june-1"]);
    expect((await listOverdueMilestones({ filters: NO_FILTERS, today })).rows).toEqual([]);
  });

  it("after Beijing's midnight (still 1 June in UTC): the list agrees with the dashboard that 1 June is overdue", async () => {
    // Under the UTC day the list still showed due-june-1 and missed due-june-3.
    expect(await dueSlugs(1, AFTER_BEIJING_MIDNIGHT)).toEqual(["due-june-3"]);
    const today = portfolioToday(AFTER_BEIJING_MIDNIGHT);
    const upcoming = await listUpcomingMilestones({ filters: NO_FILTERS, today, days: 1 });
    expect(upcoming.rows.map((m) => m.project.slug)).toEqual(["due-june-3"]);
    expect((await listOverdueMilestones({ filters: NO_FILTERS, today })).rows.map((m) => m.project.slug)).toEqual(["due-june-1"]);
  });
});
