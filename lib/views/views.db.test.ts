import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { createViewer } from "../test/viewers";
import { parseListParamsLenient } from "../projects/list-params";
import { listProjects } from "../projects/list-projects";
import { createView, deleteView, getPreferences, getView, listViews, savePreferences, setDefaultView, updateView } from "./views";

describe.each(testBackends())("saved views on %s", (backend) => {
  const database = withTestDatabase(backend);
  let staff: Viewer, exec: Viewer, other: Viewer, noRole: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      source: { key: "s", title: "S", publisher: "T", publishedOn: "2025-01-23" },
      projects: [
        buildProject({ slug: "a", nameEn: "Alpha", countryCode: "PE", stage: "OPERATION" }),
        buildProject({ slug: "b", nameEn: "Beta", countryCode: "CN" }),
      ],
    });
    staff = await createViewer(prisma, "staff", "Sam Staff");
    exec = await createViewer(prisma, "executive", "Eli Exec");
    other = await createViewer(prisma, "manager", "Mei Manager");
    noRole = await createViewer(prisma, null);
  });

  it("creates a private view with a canonical query, seen by its owner only", async () => {
    const r = await createView({
      viewer: staff,
      input: { name: "Peru ops", query: "country=pe&stage=OPERATION&page=3&bogus=1", columns: ["stage", "name", "nope" as never] },
    });
    expect(r.ok).toBe(false); // unknown column is a field error
    const ok = await createView({ viewer: staff, input: { name: "Peru ops", query: "country=pe&stage=OPERATION&page=3&bogus=1", columns: ["stage", "name"] } });
    expect(ok.ok && ok.data).toMatchObject({ name: "Peru ops", query: "country=PE&stage=OPERATION", columns: ["name", "stage"], shared: false, mine: true });
    if (!ok.ok) return;
    expect(await getView({ viewer: other, id: ok.data.id })).toBeNull();
    expect((await listViews({ viewer: other })).map((v) => v.name)).not.toContain("Peru ops");
    expect(await getView({ viewer: null, id: ok.data.id })).toBeNull();
    // the same name twice is a conflict, not a crash
    const dup = await createView({ viewer: staff, input: { name: "Peru ops" } });
    expect(!dup.ok && dup.error.code).toBe("CONFLICT");
  });

  it("shares a view: another user opens it and sees the same rows, but cannot change or delete it", async () => {
    const r = await createView({ viewer: exec, input: { name: "China", query: "region=CHINA", shared: true, columns: ["name", "health"] } });
    if (!r.ok) throw new Error(r.error.english);
    const seen = await getView({ viewer: staff, id: r.data.id });
    expect(seen).toMatchObject({ name: "China", ownerName: "Eli Exec", mine: false, shared: true });
    const rows = (await listProjects(parseListParamsLenient(new URLSearchParams(seen!.query)).params, { scope: WHOLE_PORTFOLIO })).rows.map((x) => x.slug);
    expect(rows).toEqual(["b"]);
    // A reader who is not signed in (public reading is on without DATABASE_URL) opens it too, without the owner's name.
    expect(await getView({ viewer: null, id: r.data.id })).toMatchObject({
      name: "China",
      columns: ["name", "health"],
      ownerName: "",
      mine: false,
      shared: true,
    });
    const change = await updateView({ viewer: staff, id: r.data.id, input: { name: "Mine now" } });
    expect(!change.ok && change.error.code).toBe("NOT_FOUND");
    const del = await deleteView({ viewer: staff, id: r.data.id });
    expect(!del.ok && del.error.code).toBe("NOT_FOUND");
    // unsharing hides it again
    await updateView({ viewer: exec, id: r.data.id, input: { shared: false } });
    expect(await getView({ viewer: staff, id: r.data.id })).toBeNull();
    expect(await getView({ viewer: null, id: r.data.id })).toBeNull();
  });

  it("sets a default view (own or shared), and deleting it clears everyone's default", async () => {
    const shared = await createView({ viewer: exec, input: { name: "Everything", shared: true } });
    if (!shared.ok) throw new Error(shared.error.english);
    expect((await setDefaultView({ viewer: staff, input: { viewId: shared.data.id } })).ok).toBe(true);
    expect((await getPreferences({ viewer: staff })).defaultViewId).toBe(shared.data.id);
    expect((await listViews({ viewer: staff })).find((v) => v.id === shared.data.id)?.isDefault).toBe(true);
    // a private view of someone else cannot be one's default
    const priv = await createView({ viewer: other, input: { name: "Private" } });
    if (!priv.ok) throw new Error(priv.error.english);
    const refused = await setDefaultView({ viewer: staff, input: { viewId: priv.data.id } });
    expect(!refused.ok && refused.error.code).toBe("NOT_FOUND");
    expect((await deleteView({ viewer: exec, id: shared.data.id })).ok).toBe(true);
    expect((await getPreferences({ viewer: staff })).defaultViewId).toBeNull();
  });

  it("keeps a view whose filters no longer match anything; the list is simply empty", async () => {
    const r = await createView({ viewer: staff, input: { name: "Europe", query: "region=EUROPE" } });
    if (!r.ok) throw new Error(r.error.english);
    const view = await getView({ viewer: staff, id: r.data.id });
    expect((await listProjects(parseListParamsLenient(new URLSearchParams(view!.query)).params, { scope: WHOLE_PORTFOLIO })).total).toBe(0);
  });

  it("remembers columns, widths and density per user", async () => {
    expect((await getPreferences({ viewer: exec })).columns[0]).toBe("name");
    const r = await savePreferences({ viewer: exec, input: { columns: ["health", "stage"], columnWidths: { stage: 120 }, density: "compact" } });
    expect(r.ok && r.data).toMatchObject({ columns: ["name", "health", "stage"], columnWidths: { stage: 120 }, density: "compact" });
    expect((await getPreferences({ viewer: staff })).density).toBe("comfortable");
    const bad = await savePreferences({ viewer: exec, input: { columnWidths: { stage: 5 } } });
    expect(!bad.ok && bad.error.code).toBe("BAD_REQUEST");
  });

  it("denies anonymous callers and users without a known role", async () => {
    const anon = await createView({ viewer: null, input: { name: "x" } });
    expect(!anon.ok && anon.error.code).toBe("UNAUTHENTICATED");
    const denied = await createView({ viewer: noRole, input: { name: "x" } });
    expect(!denied.ok && denied.error.code).toBe("FORBIDDEN");
    expect(await listViews({ viewer: null })).toEqual([]);
  });
});
