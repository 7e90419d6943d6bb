import type { Page } from "@playwright/test";
import { expect, signInAs, test, type DemoRole } from "./fixtures";

/**
 * "Denied" specs: who may not edit sees no edit control, and a forged request
 * is refused with nothing changed. The UI only hides; the server decides.
 */
const KINSEVERE = "kinsevere-copper-expansion";
const PALACE_MUSEUM = "palace-museum-north-campus-section-one";

async function expectNoEditControls(page: Page, slug: string, heading: RegExp) {
  await page.goto(`/projects/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Milestones of/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Update status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save update" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add milestone" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit milestone/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Mark achieved/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Cancel milestone/ })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Actions" })).toHaveCount(0);
  // Reading is unaffected: the history and its filter are there.
  await expect(page.getByRole("region", { name: "History" }).getByLabel("Show changes to")).toBeVisible();
}

type ProjectJson = {
  version: number;
  progressPercent: number | null;
  history: { authorName: string; comment: string }[];
  milestones: { id: string; version: number }[];
};

async function getProject(page: Page, slug: string): Promise<ProjectJson> {
  const res = await page.request.get(`/api/projects/${slug}`);
  expect(res.status()).toBe(200);
  return res.json();
}

const origin = () => test.info().project.use.baseURL!;

test.describe("who may not edit sees no edit control", () => {
  for (const role of ["staff", "executive"] as DemoRole[]) {
    test(`${role} sees no edit control on Kinsevere`, async ({ page }) => {
      await signInAs(page, role);
      await expectNoEditControls(page, KINSEVERE, /Kinsevere/);
    });
  }

  test("anonymous readers see no edit control", async ({ page }) => {
    await expectNoEditControls(page, KINSEVERE, /Kinsevere/);
  });

  test("a manager sees edit controls on their own project only", async ({ page }) => {
    await signInAs(page, "manager");
    await expectNoEditControls(page, PALACE_MUSEUM, /Palace Museum/);
    // ... while on a project they manage, the same page has them.
    await page.goto(`/projects/${KINSEVERE}`);
    await expect(page.getByRole("region", { name: "Update status" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add milestone" })).toBeVisible();
  });
});

test.describe("forged requests are refused and change nothing", () => {
  test("staff's forged PATCH of Kinsevere gets 403", async ({ page }) => {
    await signInAs(page, "staff");
    const before = await getProject(page, KINSEVERE);
    const forged = `forged by staff ${Date.now()}`;
    const res = await page.request.patch(`/api/projects/${KINSEVERE}`, {
      data: { version: before.version, progressPercent: 13, health: "OFF_TRACK", comment: forged },
      headers: { Origin: origin() },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");

    const milestone = before.milestones[0];
    const forgedMilestone = await page.request.patch(`/api/projects/${KINSEVERE}/milestones/${milestone.id}`, {
      data: { version: milestone.version, state: "CANCELLED", comment: forged },
      headers: { Origin: origin() },
    });
    expect(forgedMilestone.status()).toBe(403);

    const after = await getProject(page, KINSEVERE);
    // Other specs may update Kinsevere meanwhile: what matters is that nothing of the forgery landed.
    if (after.version === before.version) expect(after).toEqual(before);
    expect(after.progressPercent).not.toBe(13);
    expect(after.history.filter((h) => h.comment === forged || h.authorName === "Sam Staff")).toEqual([]);
    expect(after.milestones.find((m) => m.id === milestone.id)?.version).toBe(milestone.version);
  });

  test("an executive's forged milestone creation gets 403", async ({ page }) => {
    await signInAs(page, "executive");
    const before = await getProject(page, KINSEVERE);
    const res = await page.request.post(`/api/projects/${KINSEVERE}/milestones`, { data: { title: "Forged milestone" }, headers: { Origin: origin() } });
    expect(res.status()).toBe(403);
    const after = await getProject(page, KINSEVERE);
    expect(after.milestones.map((m) => m.id)).toEqual(before.milestones.map((m) => m.id));
  });

  test("a PATCH without Origin is refused even for the project's manager", async ({ page, playwright }) => {
    await signInAs(page, "manager");
    const before = await getProject(page, KINSEVERE);
    const noOrigin = await playwright.request.newContext({ baseURL: origin(), storageState: await page.context().storageState() });
    const res = await noOrigin.patch(`/api/projects/${KINSEVERE}`, { data: { version: before.version, progressPercent: 17 } });
    expect(res.status()).toBe(403);
    expect((await getProject(page, KINSEVERE)).progressPercent).not.toBe(17);
    await noOrigin.dispose();
  });

  test("an anonymous PATCH gets 401", async ({ page }) => {
    const before = await getProject(page, KINSEVERE);
    const res = await page.request.patch(`/api/projects/${KINSEVERE}`, {
      data: { version: before.version, progressPercent: 19 },
      headers: { Origin: origin() },
    });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    expect((await getProject(page, KINSEVERE)).progressPercent).not.toBe(19);
  });
});

test.describe("the admin page is for admins only", () => {
  for (const role of ["staff", "executive", "manager"] as DemoRole[]) {
    test(`${role} is told "not allowed" (403) and has no admin link`, async ({ page }) => {
      await signInAs(page, role);
      await page.goto("/projects");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
      const response = await page.goto("/admin");
      // The protected-page rule: a page one's role does not allow is 403, not "not found" (lib/auth/page-guard.ts).
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Save role/ })).toHaveCount(0);
    });
  }

  test("anonymous visitors are sent to sign in", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });

  test("a forged role change by a non-admin is refused", async ({ page }) => {
    // The admin actions are server actions; their domain functions refuse non-admins.
    // The Better Auth admin endpoints behind /api/auth are closed for everyone (e2e/organization.spec.ts).
    await signInAs(page, "manager");
    const res = await page.request.post("/api/auth/admin/set-role", { data: { userId: "any", role: "admin" }, headers: { Origin: origin() } });
    expect(res.status()).toBe(404);
  });
});
