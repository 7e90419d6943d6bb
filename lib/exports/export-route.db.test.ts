import { describe, expect, it, vi } from "vitest";
import { loadPortfolio } from "../db/seed";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { createViewer } from "../test/viewers";
import { exportProjects } from "./export-route";
import { EXPORTS_PER_CLIENT, exportsRunning } from "./export-slots";

// The request's language comes from next-intl's request scope, which a test has not got: English labels.
vi.mock("./export-labels", async () => {
  const { localizedExportLabels } = await import("./localized-labels");
  const messages = (await import("../../messages/en.json")).default;
  return { getExportLabels: async () => localizedExportLabels("en", messages) };
});

describe.each(testBackends())("the export route's guards on %s", (backend) => {
  const database = withTestDatabase(backend);

  it("holds a slot per running export: past the per-user limit 429 with Retry-After, free again when a body is read or cancelled", async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "slot-a" }), buildProject({ slug: "slot-b" })] });
    const viewer = await createViewer(prisma, "staff");
    const search = () => new URLSearchParams("format=csv");
    const running = [];
    for (let i = 0; i < EXPORTS_PER_CLIENT; i++) {
      const r = await exportProjects({ viewer, search: search(), client: "127.0.0.1" });
      expect(r.ok).toBe(true);
      running.push(r);
    }
    const refused = await exportProjects({ viewer, search: search(), client: "127.0.0.1" });
    expect(refused).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS", retryAfterSeconds: expect.any(Number) });
    // another user is not held up by this one's exports
    const other = await exportProjects({ viewer: await createViewer(prisma, "staff", "other"), search: search(), client: "127.0.0.1" });
    expect(other.ok).toBe(true);
    if (other.ok) await other.response.text();

    if (running[0].ok) expect(await running[0].response.text()).toContain("Test Project");
    if (running[1].ok) await running[1].response.body?.cancel();
    expect(exportsRunning()).toBe(0);
    const again = await exportProjects({ viewer, search: search(), client: "127.0.0.1" });
    expect(again.ok).toBe(true);
    if (again.ok) await again.response.text();
  });

  it("validates before it starts: a NUL in the search is a 400, and no slot is taken", async () => {
    const viewer = await createViewer(database().prisma, "staff", "validator");
    const r = await exportProjects({ viewer, search: new URLSearchParams({ format: "csv", q: "cu\u0000" }), client: "x" });
    expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST", fields: { q: expect.any(String) } });
    expect(exportsRunning()).toBe(0);
  });
});
