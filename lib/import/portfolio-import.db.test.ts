import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import type { PrismaClient } from "../db/generated/client";
import { loadPortfolio } from "../db/seed";
import { normalizeHeader, type SheetRow } from "../sheets/sheet";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { createViewer } from "../test/viewers";
import { applyPortfolioImport, dryRunPortfolioImport } from "./portfolio-import";
import { applyUserImport, dryRunUserImport } from "./user-import";

/** Sheet rows as the reader gives them: cells under normalized headers, numbered from row 2. */
function rows(objects: Record<string, string>[]): SheetRow[] {
  return objects.map((o, i) => ({ row: i + 2, cells: Object.fromEntries(Object.entries(o).map(([k, v]) => [normalizeHeader(k), v])) }));
}
const project = (key: string, over: Record<string, string> = {}) => ({
  key,
  nameEn: `Imported ${key}`,
  nameZh: "",
  unit: "MMG",
  kind: "OWNED_ASSET",
  businessLine: "BASE_METALS",
  stage: "FEASIBILITY",
  countryCode: "PE",
  plannedStart: "2027-02-01",
  plannedStartPrecision: "QUARTER",
  ...over,
});
const milestone = (projectKey: string, key: string, over: Record<string, string> = {}) => ({
  project: projectKey,
  key,
  title: `Milestone ${key}`,
  state: "PLANNED",
  forecast: "2028-05-01",
  forecastPrecision: "MONTH",
  ...over,
});

async function counts(prisma: PrismaClient) {
  const [projects, milestones, updates, changes, audits] = await Promise.all([
    prisma.project.count(),
    prisma.milestone.count(),
    prisma.statusUpdate.count(),
    prisma.fieldChange.count(),
    prisma.auditEntry.count(),
  ]);
  return { projects, milestones, updates, changes, audits };
}

describe.each(testBackends())("portfolio import on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let pmo: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "mcc-existing", countryCode: "CN" })] }, { owners: { "mcc-existing": "MCC" } });
    admin = await createViewer(prisma, "admin", "Ada Admin");
    pmo = await createViewer(prisma, "pmo", "Pat PMO", "MMG");
  });

  it("the dry run lists every row's errors and writes nothing; applying with errors writes nothing", async () => {
    const prisma = database().prisma;
    const before = await counts(prisma);
    const input = {
      fileName: "bad.xlsx",
      projects: rows([
        project("good-one"),
        project("nowhere-unit", { unit: "ATLANTIS" }),
        project("mcc-existing", { unit: "MCC" }),
        project("dup"),
        project("dup"),
        project("bad-stage", { stage: "DREAMING", plannedStart: "2027-02-30", plannedStartPrecision: "WEEK" }),
        project("chinese-name", { nameEn: "示例铜矿" }),
      ]),
      milestones: rows([milestone("good-one", "fid"), milestone("ghost", "fid"), milestone("good-one", "fid")]),
    };
    const dry = await dryRunPortfolioImport({ viewer: pmo, input });
    if (!dry.ok) throw new Error(JSON.stringify(dry.error));
    const byRow = dry.data.rows.map((r) => [r.sheet, r.row, r.errors.map((e) => e.code), r.action]);
    expect(byRow).toEqual([
      ["projects", 3, ["unknownUnit"], null],
      ["projects", 4, ["unitOutOfScope", "notYourProject"], null],
      ["projects", 5, ["duplicateKey"], null],
      ["projects", 6, ["duplicateKey"], null],
      ["projects", 7, ["badEnum", "badDate", "badPrecision"], null],
      ["projects", 8, ["chineseInEnglish"], null],
      ["milestones", 2, ["duplicateKey"], null],
      ["milestones", 3, ["unknownProject"], null],
      ["milestones", 4, ["duplicateKey"], null],
      ["projects", 2, [], "create"],
    ]);
    expect(dry.data).toMatchObject({ errorRows: 9, counts: { create: 1, update: 0, unchanged: 0 } });
    expect(await counts(prisma)).toEqual(before);
    const applied = await applyPortfolioImport({ viewer: pmo, input });
    expect(applied).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", details: { plan: { errorRows: 9 } } } });
    expect(await counts(prisma)).toEqual(before);
  });

  it("applies a file in one go with history and one audit entry per record; the same file twice changes nothing", async () => {
    const prisma = database().prisma;
    const before = await counts(prisma);
    const input = {
      fileName: "portfolio.xlsx",
      projects: rows([project("imp-a", { nameZh: "甲矿" }), project("imp-b", { stage: "DESIGN", countryCode: "", region: "AFRICA" })]),
      milestones: rows([milestone("imp-a", "fid"), milestone("imp-a", "first-ore", { state: "ACHIEVED", actual: "2026-03-04" }), milestone("imp-b", "fid")]),
    };
    const dry = await dryRunPortfolioImport({ viewer: admin, input });
    expect(dry).toMatchObject({ ok: true, data: { errorRows: 0, counts: { create: 5, update: 0, unchanged: 0 } } });
    expect(await counts(prisma)).toEqual(before);

    const first = await applyPortfolioImport({ viewer: admin, input });
    expect(first).toMatchObject({ ok: true, data: { counts: { create: 5 } } });
    const a = await prisma.project.findUniqueOrThrow({
      where: { slug: "imp-a" },
      include: { milestones: { orderBy: { sortOrder: "asc" } }, orgUnit: { select: { code: true } }, statusUpdates: { include: { changes: true } } },
    });
    expect(a).toMatchObject({
      nameEn: "Imported imp-a",
      nameZh: "甲矿",
      stage: "FEASIBILITY",
      region: "LATIN_AMERICA",
      countryCode: "PE",
      plannedStartPrecision: "QUARTER",
      orgUnit: { code: "MMG" },
      version: 1,
    });
    // The date is normalized to the first day of its quarter.
    expect(a.plannedStart?.toISOString().slice(0, 10)).toBe("2027-01-01");
    expect(a.milestones.map((m) => [m.externalKey, m.state, m.sortOrder, m.actualDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["fid", "PLANNED", 0, null],
      ["first-ore", "ACHIEVED", 1, "2026-03-04"],
    ]);
    expect(a.statusUpdates.map((u) => u.comment)).toEqual(Array(3).fill("Imported from portfolio.xlsx by Ada Admin"));
    expect(a.statusUpdates.every((u) => u.authorId === admin.id && u.origin === "USER")).toBe(true);
    const projectEntry = a.statusUpdates.find((u) => !u.milestoneId)!;
    expect(projectEntry.changes).toContainEqual({ id: expect.any(String), updateId: projectEntry.id, field: "stage", before: null, after: "FEASIBILITY" });
    const audits = await prisma.auditEntry.findMany({ where: { action: { startsWith: "import." } } });
    expect(audits.map((x) => x.action).sort()).toEqual([
      "import.milestone.create",
      "import.milestone.create",
      "import.milestone.create",
      "import.project.create",
      "import.project.create",
    ]);
    expect(new Set(audits.map((x) => x.entityId)).size).toBe(5);
    expect(audits.every((x) => x.actorId === admin.id && x.reason === "Imported from portfolio.xlsx by Ada Admin")).toBe(true);

    const afterFirst = await counts(prisma);
    expect(afterFirst).toMatchObject({
      projects: before.projects + 2,
      milestones: before.milestones + 3,
      updates: before.updates + 5,
      audits: before.audits + 5,
    });
    const second = await applyPortfolioImport({ viewer: admin, input });
    expect(second).toMatchObject({ ok: true, data: { counts: { create: 0, update: 0, unchanged: 5 } } });
    expect(await counts(prisma)).toEqual(afterFirst);
    expect((await prisma.project.findUniqueOrThrow({ where: { slug: "imp-a" } })).version).toBe(1);
  });

  it("a changed row updates only what changed, with history and an audit entry for that record alone", async () => {
    const prisma = database().prisma;
    const input = {
      fileName: "portfolio-v2.csv",
      projects: rows([project("imp-a", { nameZh: "甲矿", stage: "CONSTRUCTION" }), project("imp-b", { stage: "DESIGN", countryCode: "", region: "AFRICA" })]),
      milestones: rows([
        milestone("imp-a", "fid", { forecast: "2028-08-01" }),
        milestone("imp-a", "first-ore", { state: "ACHIEVED", actual: "2026-03-04" }),
        milestone("imp-b", "fid"),
        milestone("imp-b", "cod", { title: "Commercial operation" }),
      ]),
    };
    const before = await counts(prisma);
    const dry = await dryRunPortfolioImport({ viewer: admin, input });
    if (!dry.ok) throw new Error(JSON.stringify(dry.error));
    expect(dry.data.counts).toEqual({ create: 1, update: 2, unchanged: 3 });
    expect(dry.data.rows.filter((r) => r.action === "update").map((r) => [r.key, r.changes])).toEqual([
      ["imp-a", ["stage"]],
      ["imp-a/fid", ["milestone.forecast"]],
    ]);
    expect(await applyPortfolioImport({ viewer: admin, input })).toMatchObject({ ok: true });
    const a = await prisma.project.findUniqueOrThrow({
      where: { slug: "imp-a" },
      include: { statusUpdates: { include: { changes: true }, orderBy: { recordedAt: "desc" } } },
    });
    expect(a).toMatchObject({ stage: "CONSTRUCTION", nameZh: "甲矿", version: 2 });
    const latest = a.statusUpdates.filter((u) => u.comment === "Imported from portfolio-v2.csv by Ada Admin");
    expect(latest.flatMap((u) => u.changes.map((c) => [c.field, c.before, c.after])).sort()).toEqual([
      ["milestone.forecast", "2028-05-01|MONTH", "2028-08-01|MONTH"],
      ["stage", "FEASIBILITY", "CONSTRUCTION"],
    ]);
    const fid = await prisma.milestone.findFirstOrThrow({ where: { projectId: a.id, externalKey: "fid" } });
    expect(fid.version).toBe(2);
    expect(await counts(prisma)).toMatchObject({ milestones: before.milestones + 1, updates: before.updates + 3, audits: before.audits + 3 });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "import.project.update", entityId: a.id } });
    expect(audit).toMatchObject({ before: { stage: "FEASIBILITY" }, after: { stage: "CONSTRUCTION" } });
  });

  it("only admins and PMOs import, a PMO only within their units, checked in the query", async () => {
    const prisma = database().prisma;
    const before = await counts(prisma);
    const input = { fileName: "x.xlsx", projects: rows([project("denied-one")]), milestones: [] };
    for (const role of ["manager", "staff", "executive", null]) {
      const viewer = await createViewer(prisma, role);
      expect(await dryRunPortfolioImport({ viewer, input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await applyPortfolioImport({ viewer, input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await applyPortfolioImport({ viewer: null, input })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await counts(prisma)).toEqual(before);

    // The PMO of MMG: a row for MCC, and a milestone of MCC's project, are errors; their own unit's rows pass.
    const scoped = {
      fileName: "scoped.xlsx",
      projects: rows([project("pmo-own"), project("pmo-other", { unit: "MCC" })]),
      milestones: rows([milestone("mcc-existing", "x"), milestone("pmo-own", "fid")]),
    };
    const dry = await dryRunPortfolioImport({ viewer: pmo, input: scoped });
    if (!dry.ok) throw new Error(JSON.stringify(dry.error));
    expect(dry.data.rows.map((r) => [r.key, r.errors.map((e) => e.code)])).toEqual([
      ["pmo-other", ["unitOutOfScope"]],
      ["mcc-existing/x", ["notYourProject"]],
      ["pmo-own", []],
      ["pmo-own/fid", []],
    ]);
    const own = { fileName: "own.xlsx", projects: rows([project("pmo-own")]), milestones: rows([milestone("pmo-own", "fid")]) };
    expect(await applyPortfolioImport({ viewer: pmo, input: own })).toMatchObject({ ok: true, data: { counts: { create: 2 } } });
    // Re-baselining an existing milestone is an admin's: the PMO's change of it is an error.
    const rebase = { fileName: "own.xlsx", projects: [], milestones: rows([milestone("pmo-own", "fid", { baseline: "2027-01-01" })]) };
    const r = await dryRunPortfolioImport({ viewer: pmo, input: rebase });
    expect(r.ok && r.data.rows.map((x) => x.errors.map((e) => e.code))).toEqual([["needsRebaseline"]]);
    // Moving a project to another unit is the organization page's.
    const move = await dryRunPortfolioImport({
      viewer: admin,
      input: { fileName: "m.xlsx", projects: rows([project("pmo-own", { unit: "MCC" })]), milestones: [] },
    });
    expect(move.ok && move.data.rows[0].errors.map((e) => e.code)).toEqual(["unitChange"]);
  });

  it("imports users through the admin rules: create, the same file twice, a changed role; never one's own account", async () => {
    const prisma = database().prisma;
    const input = {
      fileName: "users.xlsx",
      users: rows([
        { email: "Li.Wei@Example.com", name: "Li Wei", role: "manager", unit: "MMG" },
        { email: "zhang.min@example.com", name: "Zhang Min", role: "staff", unit: "GRP" },
      ]),
    };
    expect(await dryRunUserImport({ viewer: pmo, input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const bad = await dryRunUserImport({
      viewer: admin,
      input: {
        fileName: "u.csv",
        users: rows([
          { email: "not-an-email", name: "X", role: "boss", unit: "ATLANTIS" },
          { email: admin.email, name: "Ada Admin", role: "staff", unit: "GRP" },
        ]),
      },
    });
    expect(bad.ok && bad.data.rows.map((r) => r.errors.map((e) => e.code))).toEqual([["badEmail", "unknownRole"], ["ownAccount"]]);

    const audits = await prisma.auditEntry.count();
    expect(await applyUserImport({ viewer: admin, input })).toMatchObject({ ok: true, data: { counts: { create: 2 } } });
    const li = await prisma.user.findUniqueOrThrow({
      where: { email: "li.wei@example.com" },
      include: { roleAssignments: { include: { unit: true } }, accounts: true },
    });
    expect(li.roleAssignments.map((a) => [a.role, a.unit.code])).toEqual([["manager", "MMG"]]);
    expect(li.accounts.map((a) => a.providerId)).toEqual(["credential"]);
    expect(await prisma.auditEntry.count()).toBe(audits + 2);

    expect(await applyUserImport({ viewer: admin, input })).toMatchObject({ ok: true, data: { counts: { create: 0, update: 0, unchanged: 2 } } });
    expect(await prisma.auditEntry.count()).toBe(audits + 2);

    const changed = { fileName: "users2.xlsx", users: rows([{ email: "li.wei@example.com", name: "Li Wei", role: "pmo", unit: "MMG" }]) };
    expect(await applyUserImport({ viewer: admin, input: changed })).toMatchObject({ ok: true, data: { counts: { update: 1 } } });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "user.update", entityId: li.id } });
    expect(entry).toMatchObject({
      before: { unit: "MMG", roles: ["manager"] },
      after: { unit: "MMG", roles: ["pmo"] },
      reason: "Imported from users2.xlsx by Ada Admin",
    });
    expect((await prisma.roleAssignment.findMany({ where: { userId: li.id } })).map((a) => a.role)).toEqual(["pmo"]);
  });
});
