import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_LOGINS, type DemoRole } from "../lib/auth/demo-users";

/**
 * The specs' fixtures (docs/decisions/0069-isolated-parallel-e2e.md). Specs run
 * in parallel against one server and in any order, so a spec changes only data
 * it made itself, and a spec that counts the portfolio counts the seeded one.
 *
 * - `test.use({ role: "manager" })`: the page (and `page.request`) is signed in
 *   as that demo role from the start. The session is made once per worker and
 *   role and reused as a storage state. A test that signs out, or otherwise ends
 *   its session, calls `signInAs` instead (a session of its own).
 * - `freshProject` / `makeProject()`: a new project owned by the test, made by
 *   the demo admin through the app's own import API, in the unit
 *   FRESH_PROJECT_UNIT. Update it, add milestones to it: no other spec reads it.
 * - `projectsBeyondSeed(query)`: how many projects matching a list query the
 *   specs have added (all of them live in FRESH_PROJECT_UNIT), for specs that
 *   count the portfolio while others add to it.
 */
export { expect };

export interface FreshProject {
  slug: string;
  /** English name */
  name: string;
  /** the project page's path */
  url: string;
  /** English titles of its milestones, in their order */
  milestones: string[];
}

export interface FreshProjectOptions {
  /** assign the demo manager (lib/auth/demo-users.ts) to it, so that they may update it */
  managedByDemoManager?: boolean;
  /** the unit it belongs to: FRESH_PROJECT_UNIT (the default) or a unit made below it */
  unit?: string;
  /** a Chinese name (default 端到端测试项目: the Chinese table shows a notice in place of a missing one) */
  nameZh?: string;
  /** stage code (default CONSTRUCTION) */
  stage?: string;
  /** health to set after the import (by the admin, through the project API), with this comment */
  health?: { health: "ON_TRACK" | "AT_RISK" | "OFF_TRACK"; comment: string };
}

/** How the slug of every project the fixtures make starts. */
export const FRESH_PROJECT_SLUG_PREFIX = "e2e-fresh-";

/** The unit of every project the specs add (a child of the group that the seed leaves empty). */
export const FRESH_PROJECT_UNIT = "E2E-FRESH";

type WorkerFixtures = {
  /** The storage-state file of a signed-in demo role: signed in once per worker and role. */
  roleStorageState: (role: DemoRole) => Promise<string>;
  /** An API context signed in as the demo admin, to set up data through the app's own API. */
  adminApi: APIRequestContext;
};

/** A sign-in of a user made by a test. */
export interface Login {
  email: string;
  password: string;
  name: string;
}

let userSerial = 0;
/**
 * Makes a user of the test's own through the admin API (for beforeAll, with the worker's `adminApi`): for a test
 * that changes what belongs to a user (their saved language, their last visit), which a demo user shares with every spec.
 */
export async function createUser(adminApi: APIRequestContext, role: string, unitCode = "GRP"): Promise<Login> {
  userSerial += 1;
  const stamp = `${process.env.TEST_PARALLEL_INDEX ?? 0}${userSerial}${Date.now().toString(36)}`;
  const login = { email: `e2e-${role.toLowerCase()}-${stamp}@lodestone.local`, password: "a-long-enough-password", name: `E2E ${role} ${stamp}` };
  const res = await adminApi.post("/api/admin/create-user", { data: { ...login, role, unitCode, reason: "e2e fixture" } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return login;
}

type TestFixtures = {
  /** The demo role the test's page is signed in as; null (the default): anonymous. */
  role: DemoRole | null;
  /** Makes a new project owned by the test. */
  makeProject: (options?: FreshProjectOptions) => Promise<FreshProject>;
  /** Makes a user owned by the test (role on a unit, default the group). */
  makeUser: (role: string, unitCode?: string) => Promise<Login>;
  /** A new project owned by the test, managed by the demo manager. */
  freshProject: FreshProject;
  /**
   * The number of projects added by specs (not seeded) that match a list query such as "health=ON_TRACK",
   * as the admin sees them (or as `as`, for queries such as "mine=1").
   */
  projectsBeyondSeed: (query?: string, as?: DemoRole) => Promise<number>;
};

async function signedInContext(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: DemoRole): Promise<APIRequestContext> {
  const { email, password } = DEMO_LOGINS[role];
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const res = await ctx.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

/** Once per worker: the demo users' ids (set-manager takes an id), read from their own sessions. */
const userIds = new Map<DemoRole, Promise<string>>();
function demoUserId(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: DemoRole): Promise<string> {
  if (!userIds.has(role))
    userIds.set(
      role,
      (async () => {
        const ctx = await signedInContext(playwright, baseURL, role);
        const session = (await (await ctx.get("/api/auth/get-session")).json()) as { user: { id: string } };
        await ctx.dispose();
        return session.user.id;
      })(),
    );
  return userIds.get(role)!;
}

let projectSerial = 0;

export const test = base.extend<TestFixtures, WorkerFixtures>({
  roleStorageState: [
    async ({ playwright }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL as string;
      const dir = path.join(workerInfo.project.outputDir, ".auth");
      fs.mkdirSync(dir, { recursive: true });
      const files = new Map<DemoRole, Promise<string>>();
      await provide((role) => {
        if (!files.has(role))
          files.set(
            role,
            (async () => {
              const file = path.join(dir, `worker-${workerInfo.parallelIndex}-${role}.json`);
              const ctx = await signedInContext(playwright, baseURL, role);
              await ctx.storageState({ path: file });
              await ctx.dispose();
              return file;
            })(),
          );
        return files.get(role)!;
      });
    },
    { scope: "worker" },
  ],

  adminApi: [
    async ({ playwright }, provide, workerInfo) => {
      const ctx = await signedInContext(playwright, workerInfo.project.use.baseURL as string, "admin");
      // The added projects' unit: made by whichever worker comes first (the others are told it exists).
      const res = await ctx.post("/api/admin/create-unit", {
        data: { parentCode: "GRP", code: FRESH_PROJECT_UNIT, nameEn: "End-to-end test projects", currency: "USD", reason: "e2e fixtures" },
      });
      if (!res.ok()) expect(res.status(), await res.text()).toBe(409);
      await provide(ctx);
      await ctx.dispose();
    },
    { scope: "worker" },
  ],

  role: [null, { option: true }],

  storageState: async ({ role, roleStorageState, storageState }, provide) => {
    await provide(role ? await roleStorageState(role) : storageState);
  },

  makeProject: async ({ adminApi, playwright, baseURL }, provide, testInfo) => {
    await provide(async (options = {}) => {
      projectSerial += 1;
      // Unique across workers, repeats and runs on one database.
      const stamp = `${testInfo.parallelIndex}${projectSerial}${Date.now().toString(36)}`.toLowerCase();
      const slug = `${FRESH_PROJECT_SLUG_PREFIX}${stamp}`;
      // Sorts after every seeded name, so a first page of the seeded portfolio stays the same.
      const name = `Zz E2E project ${stamp}`;
      const milestones = ["First ore", "Commissioning"];
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Projects").addRows([
        // A business line and a region (New Zealand: Asia-Pacific) that no spec counts; see projectsBeyondSeed for the rest.
        ["Key", "Name (English)", "Name (Chinese)", "Unit", "Kind", "Business line", "Stage", "Country"],
        [
          slug,
          name,
          options.nameZh ?? "端到端测试项目",
          options.unit ?? FRESH_PROJECT_UNIT,
          "OWNED_ASSET",
          "SPECIALTY_METALS",
          options.stage ?? "CONSTRUCTION",
          "NZ",
        ],
      ]);
      wb.addWorksheet("Milestones").addRows([
        ["Project key", "Milestone key", "Title (English)", "State", "Forecast", "Forecast precision"],
        [slug, "first-ore", milestones[0], "PLANNED", "2030-03-01", "MONTH"],
        [slug, "commissioning", milestones[1], "PLANNED", "2031-01-01", "QUARTER"],
      ]);
      const res = await adminApi.post(`/api/admin/import?kind=portfolio&mode=apply&fileName=${slug}.xlsx`, {
        data: Buffer.from(await wb.xlsx.writeBuffer()),
        timeout: 60_000,
      });
      expect(res.status(), await res.text()).toBe(200);
      if (options.managedByDemoManager) {
        const userId = await demoUserId(playwright, baseURL!, "manager");
        const assign = await adminApi.post("/api/admin/set-manager", { data: { userId, projectSlug: slug, assigned: true, reason: "e2e fixture" } });
        expect(assign.status(), await assign.text()).toBeLessThan(300);
      }
      if (options.health) {
        const { version } = (await (await adminApi.get(`/api/projects/${slug}`)).json()) as { version: number };
        const patch = await adminApi.patch(`/api/projects/${slug}`, { data: { version, ...options.health } });
        expect(patch.status(), await patch.text()).toBe(200);
      }
      return { slug, name, url: `/projects/${slug}`, milestones };
    });
  },

  makeUser: async ({ adminApi }, provide) => {
    await provide((role, unitCode) => createUser(adminApi, role, unitCode));
  },

  freshProject: async ({ makeProject }, provide) => {
    await provide(await makeProject({ managedByDemoManager: true }));
  },

  projectsBeyondSeed: async ({ adminApi, playwright, roleStorageState, baseURL }, provide) => {
    await provide(async (query = "", as) => {
      const url = `/api/projects?pageSize=1&org=${FRESH_PROJECT_UNIT}${query ? `&${query}` : ""}`;
      const api = as ? await playwright.request.newContext({ baseURL, storageState: await roleStorageState(as) }) : adminApi;
      try {
        const res = await api.get(url);
        expect(res.status(), await res.text()).toBe(200);
        return ((await res.json()) as { total: number }).total;
      } finally {
        if (as) await api.dispose();
      }
    });
  },
});

/** Fails with the list of serious or critical axe violations on the page, if any. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // The page's metadata streams in after its body: on a loaded server the scan could otherwise run before the <title>.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

// The embedded demo's users, created by `npm start` for the e2e server: the one copy is lib/auth/demo-users.ts.
export { DEMO_LOGINS, type DemoRole };

/**
 * Signs the page's browser context in through the session endpoint, not by
 * clicking through the form (the sign-in form has specs of its own): a session
 * of the test's own, for tests that sign out or end it; otherwise
 * `test.use({ role })` is cheaper.
 */
export async function signInAs(page: Page, role: DemoRole | Login): Promise<void> {
  const { email, password } = typeof role === "string" ? DEMO_LOGINS[role] : role;
  const baseURL = test.info().project.use.baseURL as string;
  const res = await page.request.post(`${baseURL}/api/auth/sign-in/email`, { data: { email, password }, headers: { Origin: baseURL } });
  expect(res.status(), await res.text()).toBe(200);
}
