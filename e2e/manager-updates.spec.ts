import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

/**
 * The flow: a manager keeps projects current from the project page.
 * Each test works on a fresh project of its own (e2e/fixtures.ts), assigned to
 * the demo manager, so nothing needs putting back for other specs.
 */
const statusForm = (page: Page) => page.getByRole("region", { name: "Update status" });
const history = (page: Page) => page.getByRole("region", { name: "History" });
const milestoneRow = (page: Page, title: string) =>
  page
    .getByRole("table", { name: /^Milestones of/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: title }) });

test.describe("a manager updates a project", () => {
  test.use({ role: "manager" });

  test("updates a project's health with a comment and sees it in the history", async ({ page, makeProject }) => {
    const project = await makeProject({ managedByDemoManager: true, health: { health: "ON_TRACK", comment: "Assessed (e2e set-up)." } });
    await page.goto(project.url);
    const form = statusForm(page);
    await expect(form.getByLabel("Health")).toHaveValue("ON_TRACK");
    {
      await form.getByLabel("Health").selectOption({ label: "At risk" });
      // The form says so before any submit ...
      const comment = form.getByLabel("Comment (required)");
      await expect(comment).toHaveAccessibleDescription(/Required because health worsens/);

      // ... and refuses to save without it: the error sits next to the field and the summary takes focus.
      await form.getByRole("button", { name: "Save update" }).click();
      const summary = form.getByRole("group", { name: "There is a problem" });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: "A comment is required when health worsens." })).toBeVisible();
      await expect(comment).toHaveAttribute("aria-invalid", "true");
      await expect(comment).toHaveAccessibleDescription(/A comment is required when health worsens\./);

      // Text that looks like HTML is stored and shown as text.
      const note = `Pit wall movement after rains <script>window.__pwned = 1</script> #${Date.now()}`;
      await comment.fill(note);
      await form.getByRole("button", { name: "Save update" }).click();
      await expect(form.getByRole("status")).toHaveText(/^Saved\./);

      const entry = history(page).getByRole("listitem").filter({ hasText: note });
      await expect(entry).toHaveCount(1);
      await expect(entry).toContainText("Mei Manager");
      await expect(entry.getByText("Health: On track → At risk", { exact: true })).toBeVisible();
      await expect(entry.locator("script")).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(
        page
          .getByRole("region", { name: "Key facts" })
          .getByRole("definition")
          .filter({ hasText: /^At risk$/ }),
      ).toBeVisible();

      // The newest entry comes first.
      await expect(history(page).getByRole("listitem").first()).toContainText(note);
    }

    // Filter the timeline by field.
    await page.reload();
    const filter = history(page).getByLabel("Show changes to");
    await filter.selectOption({ label: "Health" });
    await expect(history(page).getByRole("status")).toHaveText(/^Showing \d+ of \d+ entries$/);
    await expect(history(page).getByText("Health: On track → At risk").first()).toBeVisible();
    await filter.selectOption({ label: "Milestones" });
    await expect(history(page).getByText("Health: On track → At risk")).toHaveCount(0);
    // The import that made the project added its milestones.
    await expect(history(page).getByText(`Added milestone ${project.milestones[0]}`).first()).toBeVisible();
  });

  test("the project page with edit controls has no serious accessibility violations", async ({ page, freshProject }) => {
    await page.goto(freshProject.url);
    await expect(statusForm(page)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Add milestone" }).click();
    await expect(page.getByRole("dialog", { name: "Add a milestone" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("adds a milestone and marks it achieved, with history", async ({ page, freshProject }) => {
    await page.goto(freshProject.url);
    const title = `Tailings dam raise ${Date.now()}`;

    await page.getByRole("button", { name: "Add milestone" }).click();
    const add = page.getByRole("dialog", { name: "Add a milestone" });
    await expect(add.getByLabel("Title", { exact: true })).toBeVisible();
    await add.getByRole("button", { name: "Add milestone" }).click();
    await expect(add.getByLabel("Title", { exact: true })).toHaveAccessibleDescription("A title is required.");
    await add.getByLabel("Title", { exact: true }).fill(title);
    // The picker follows the precision: a month for a month, a day picker for a day.
    await add.getByLabel("Baseline precision").selectOption({ label: "Month" });
    await add.getByLabel("Baseline month").fill("2025-09");
    await add.getByLabel("Forecast precision").selectOption({ label: "Day" });
    await add.getByLabel("Forecast date").fill("2025-10-15");
    await add.getByRole("button", { name: "Add milestone" }).click();
    await expect(add).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Milestone “${title}” added.` })).toBeVisible();

    const row = milestoneRow(page, title);
    await expect(row.getByRole("cell", { name: "Planned" })).toBeVisible();
    await expect(row.getByRole("cell", { name: "Sep 2025" })).toBeVisible();

    // Mark achieved: the quick action asks only for the actual date and a comment.
    await row.getByRole("button", { name: `Mark achieved: ${title}` }).click();
    const achieve = page.getByRole("dialog", { name: `Mark achieved: ${title}` });
    await achieve.getByLabel("Actual date").fill("2025-10-20");
    await achieve.getByLabel("Comment").fill("Raise completed and inspected.");
    await achieve.getByRole("button", { name: "Mark achieved", exact: true }).click();
    await expect(achieve).toBeHidden();
    await expect(row.getByRole("cell", { name: "Achieved" })).toBeVisible();
    await expect(row.getByRole("button", { name: `Mark achieved: ${title}` })).toHaveCount(0);
    await expect(row.getByRole("button", { name: `Edit milestone ${title}` })).toBeFocused();

    const filter = history(page).getByLabel("Show changes to");
    await filter.selectOption({ label: "Milestones" });
    const entry = history(page)
      .getByRole("listitem")
      .filter({ hasText: "Raise completed and inspected." })
      .filter({ hasText: `Milestone: ${title}` });
    await expect(entry).toContainText("Mei Manager");
    await expect(entry.getByText("Milestone state: Planned → Achieved")).toBeVisible();
    await expect(entry.getByText("Milestone actual: not set → Oct 20, 2025")).toBeVisible();

    // A manager cannot re-baseline: the baseline is shown but locked. Escape closes the dialog.
    await row.getByRole("button", { name: `Edit milestone ${title}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit milestone: ${title}` });
    await expect(edit.getByLabel("Baseline month")).toBeDisabled();
    await expect(edit.getByText("Only an admin can change the baseline (re-baseline).")).toBeVisible();
    await expect(edit.getByLabel("Title", { exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(edit).toBeHidden();
    await expect(row.getByRole("button", { name: `Edit milestone ${title}` })).toBeFocused();
  });

  test("a save based on an old version shows what changed and can be re-applied", async ({ browser, freshProject }) => {
    const [managerContext, adminContext] = await Promise.all([browser.newContext(), browser.newContext()]);
    const manager = await managerContext.newPage();
    const admin = await adminContext.newPage();
    try {
      await signInAs(manager, "manager");
      await signInAs(admin, "admin");
      // Both open the project on the same version.
      await Promise.all([manager.goto(freshProject.url), admin.goto(freshProject.url)]);
      await expect(statusForm(manager)).toBeVisible();
      await expect(statusForm(admin)).toBeVisible();
      const stamp = Date.now() % 10;
      const theirNote = `Quarterly survey #${Date.now()}`;
      const myNote = `Mill throughput up #${Date.now()}`;

      // The admin saves first.
      await statusForm(admin)
        .getByLabel("Progress (%)")
        .fill(String(40 + stamp));
      await statusForm(admin).getByLabel("Comment").fill(theirNote);
      await statusForm(admin).getByRole("button", { name: "Save update" }).click();
      await expect(statusForm(admin).getByRole("status")).toHaveText(/^Saved\./);

      // The manager, still on the old version, saves second: nothing is written.
      const form = statusForm(manager);
      await form.getByLabel("Progress (%)").fill(String(60 + stamp));
      await form.getByLabel("Comment").fill(myNote);
      await form.getByRole("button", { name: "Save update" }).click();
      const conflict = form.getByRole("region", { name: "Someone else saved first" });
      await expect(conflict).toBeVisible();
      await expect(conflict).toBeFocused();
      await expect(conflict.getByRole("definition").filter({ hasText: `${40 + stamp}%` })).toBeVisible();
      const theirs = conflict.getByRole("list", { name: "Changed meanwhile" }).getByRole("listitem").first();
      await expect(theirs).toContainText("Ada Admin");
      await expect(theirs).toContainText(theirNote);
      await expect(theirs.getByText(`Progress: not set → ${40 + stamp}%`)).toBeVisible();
      await expect(form.getByLabel("Progress (%)")).toBeDisabled();

      // Re-apply keeps the typed values on top of the new version; saving then works.
      await conflict.getByRole("button", { name: "Re-apply my edit" }).click();
      await expect(conflict).toBeHidden();
      await expect(form.getByLabel("Progress (%)")).toHaveValue(String(60 + stamp));
      await expect(form.getByLabel("Comment")).toHaveValue(myNote);
      await form.getByRole("button", { name: "Save update" }).click();
      await expect(form.getByRole("status")).toHaveText(/^Saved\./);
      const entry = history(manager).getByRole("listitem").filter({ hasText: myNote });
      await expect(entry.getByText(`Progress: ${40 + stamp}% → ${60 + stamp}%`)).toBeVisible();
    } finally {
      await Promise.all([managerContext.close(), adminContext.close()]);
    }
  });
});

test.describe("an admin updates a project", () => {
  test.use({ role: "admin" });

  test("an admin re-baselines a milestone with a reason; the old baseline stays in the history", async ({ page, freshProject }) => {
    await page.goto(freshProject.url);
    const title = `Water treatment plant ${Date.now()}`;
    await page.getByRole("button", { name: "Add milestone" }).click();
    const add = page.getByRole("dialog", { name: "Add a milestone" });
    await add.getByLabel("Title", { exact: true }).fill(title);
    await add.getByLabel("Baseline precision").selectOption({ label: "Quarter" });
    await add.getByLabel("Baseline year").fill("2026");
    await add.getByLabel("Baseline quarter").selectOption({ label: "Q1" });
    await add.getByRole("button", { name: "Add milestone" }).click();
    await expect(add).toBeHidden();

    const row = milestoneRow(page, title);
    await row.getByRole("button", { name: `Edit milestone ${title}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit milestone: ${title}` });
    await expect(edit.getByLabel("Baseline year")).toHaveValue("2026");
    await edit.getByLabel("Baseline quarter").selectOption({ label: "Q3" });
    const reason = edit.getByLabel("Reason for re-baseline (required)");
    await edit.getByRole("button", { name: "Save milestone" }).click();
    await expect(reason).toHaveAccessibleDescription(/A reason is required to re-baseline\./);
    await reason.fill("Permit for the outfall delayed by the regulator.");
    await edit.getByRole("button", { name: "Save milestone" }).click();
    await expect(edit).toBeHidden();
    await expect(row.getByRole("cell", { name: "Q3 2026" })).toBeVisible();

    const entry = history(page)
      .getByRole("listitem")
      .filter({ hasText: "Permit for the outfall delayed by the regulator." })
      .filter({ hasText: `Milestone: ${title}` });
    await expect(entry.getByText("Milestone baseline: Q1 2026 → Q3 2026")).toBeVisible();
    await expect(entry).toContainText("Ada Admin");
  });
});
