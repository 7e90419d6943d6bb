import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { parseListParamsLenient, parseListParamsStrict } from "./list-params";
import { listProjects } from "./list-projects";
import { landingPath, managesProjects } from "./managed-projects";
import { getProjectPermissions } from "./project-permissions";
import { readScopeOf } from "./project-scope";

const params = (query: string) => parseListParamsLenient(new URLSearchParams(query)).params;

describe.each(testBackends())("My projects on %s", (backend) => {
  const database = withTestDatabase(backend);
  let mei: Viewer;
  let max: Viewer;
  let reader: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "a" }), buildProject({ slug: "b" }), buildProject({ slug: "c" })] });
    mei = await createViewer(prisma, "manager", "Mei Manager");
    max = await createViewer(prisma, "manager", "Max Manager");
    reader = await createViewer(prisma, "executive", "Eve Executive");
    await assignManager(prisma, mei, "a");
    await assignManager(prisma, mei, "c");
    await assignManager(prisma, max, "b");
  });

  const mine = async (viewer: Viewer | null) =>
    (await listProjects(params("mine=1&sort=name"), { scope: readScopeOf(viewer), managerId: viewer?.id ?? null })).rows.map((r) => [r.slug, r.managedByMe]);

  it("lists the caller's own assignments, marked, and nobody else's", async () => {
    expect(await mine(mei)).toEqual([
      ["a", true],
      ["c", true],
    ]);
    expect(await mine(max)).toEqual([["b", true]]);
    // a reader who manages nothing, and an anonymous one, get no rows rather than everyone's
    expect(await mine(reader)).toEqual([]);
    expect(await mine(null)).toEqual([]);
    // without the filter every row is listed, marked for the caller only
    const all = await listProjects(params("sort=name"), { scope: readScopeOf(mei), managerId: mei.id });
    expect(all.rows.map((r) => [r.slug, r.managedByMe])).toEqual([
      ["a", true],
      ["b", false],
      ["c", true],
    ]);
  });

  it("takes mine from the URL leniently and strictly, and refuses a bad value on the API", () => {
    expect(params("mine=1").mine).toBe(true);
    expect(params("mine=yes").mine).toBe(true);
    expect(params("mine=maybe").mine).toBe(false);
    expect(parseListParamsStrict(new URLSearchParams("mine=maybe")).ok).toBe(false);
  });

  it("lands a manager on their projects after sign-in from the front page, a reader on the dashboard, anyone on the page they came from", async () => {
    expect(await landingPath({ userId: mei.id, next: undefined })).toBe("/projects?mine=1");
    expect(await landingPath({ userId: mei.id, next: "/" })).toBe("/projects?mine=1");
    expect(await landingPath({ userId: mei.id, next: "/risks" })).toBe("/risks");
    expect(await landingPath({ userId: reader.id, next: "/" })).toBe("/");
    expect(await managesProjects({ viewer: mei })).toBe(true);
    expect(await managesProjects({ viewer: reader })).toBe(false);
  });

  it("says why a project is read-only and who manages it", async () => {
    expect((await getProjectPermissions({ slug: "a", viewer: mei })).readOnly).toBeUndefined();
    expect((await getProjectPermissions({ slug: "b", viewer: mei })).readOnly).toEqual({ reason: "notManager", managers: ["Max Manager"] });
    expect((await getProjectPermissions({ slug: "b", viewer: reader })).readOnly).toEqual({ reason: "role", managers: ["Max Manager"] });
  });
});
