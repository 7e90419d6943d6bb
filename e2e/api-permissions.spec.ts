import type { APIRequestContext } from "@playwright/test";
import { DEMO_LOGINS, expect, test, type DemoRole } from "./fixtures";

/**
 * The mutation API × every kind of caller, through real sessions and HTTP:
 * allowed calls succeed, denied ones get 401/403 and change nothing.
 * Chentaigou is managed by the demo manager; the Palace Museum is not.
 */
const MANAGED = "chentaigou-iron-mine";
const UNMANAGED = "palace-museum-north-campus-section-one";

test.describe.configure({ mode: "serial" });

async function session(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, baseURL: string, role: DemoRole | null) {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  if (role) {
    const res = await ctx.post("/api/auth/sign-in/email", { data: { email: DEMO_LOGINS[role].email, password: DEMO_LOGINS[role].password } });
    expect(res.status()).toBe(200);
  }
  return ctx;
}

async function current(ctx: APIRequestContext, slug: string) {
  const res = await ctx.get(`/api/projects/${slug}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { version: number; progressPercent: number | null; milestones: { id: string; version: number; title: string }[] };
}

const cases: { caller: DemoRole | null; slug: string; expected: number }[] = [
  { caller: null, slug: MANAGED, expected: 401 },
  { caller: "staff", slug: MANAGED, expected: 403 },
  { caller: "executive", slug: MANAGED, expected: 403 },
  { caller: "manager", slug: UNMANAGED, expected: 403 },
  { caller: "manager", slug: MANAGED, expected: 200 },
  { caller: "admin", slug: UNMANAGED, expected: 200 },
];

for (const { caller, slug, expected } of cases) {
  test(`PATCH project and milestone as ${caller ?? "anonymous"} on ${slug} → ${expected}`, async ({ playwright, baseURL }) => {
    const ctx = await session(playwright, baseURL!, caller);
    const before = await current(ctx, slug);
    const progress = ((before.progressPercent ?? 0) + 7) % 100;
    const patch = await ctx.patch(`/api/projects/${slug}`, { data: { version: before.version, progressPercent: progress } });
    expect(patch.status()).toBe(expected);
    const created = await ctx.post(`/api/projects/${slug}/milestones`, { data: { title: `API milestone by ${caller}` } });
    expect(created.status()).toBe(expected === 200 ? 201 : expected);
    const m = before.milestones[0];
    const edited = await ctx.patch(`/api/projects/${slug}/milestones/${m.id}`, { data: { version: m.version, titleZh: `由${caller}修改` } });
    expect(edited.status()).toBe(expected);
    const after = await current(ctx, slug);
    if (expected === 200) {
      expect(after.version).toBe(before.version + 1);
      expect(after.progressPercent).toBe(progress);
      expect(after.milestones).toHaveLength(before.milestones.length + 1);
    } else {
      const body = await patch.json();
      expect(body.error.code).toBe(expected === 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
      expect(after).toEqual(before);
    }
    await ctx.dispose();
  });
}

test("a write without an Origin header, or from another site, is refused and changes nothing", async ({ playwright, baseURL }) => {
  const admin = await session(playwright, baseURL!, "admin");
  const before = await current(admin, MANAGED);
  const noOrigin = await playwright.request.newContext({ baseURL, storageState: await admin.storageState() });
  const r1 = await noOrigin.patch(`/api/projects/${MANAGED}`, { data: { version: before.version, progressPercent: 42 } });
  expect(r1.status()).toBe(403);
  const foreign = await playwright.request.newContext({
    baseURL,
    storageState: await admin.storageState(),
    extraHTTPHeaders: { Origin: "https://evil.example" },
  });
  const r2 = await foreign.patch(`/api/projects/${MANAGED}`, { data: { version: before.version, progressPercent: 42 } });
  expect(r2.status()).toBe(403);
  expect((await r2.json()).error.code).toBe("FORBIDDEN");
  expect(await current(admin, MANAGED)).toEqual(before);
  await Promise.all([admin.dispose(), noOrigin.dispose(), foreign.dispose()]);
});

test("bad bodies get 400 with the field named, and change nothing", async ({ playwright, baseURL }) => {
  const admin = await session(playwright, baseURL!, "admin");
  const before = await current(admin, UNMANAGED);
  const bodies: [unknown, string][] = [
    [{ version: before.version, progressPercent: 250 }, "progressPercent"],
    [{ version: before.version, forecastFinish: { date: "2026-13-01", precision: "DAY" } }, "forecastFinish.date"],
    [{ version: before.version, health: "GREEN" }, "health"],
    [{ version: before.version, stage: "OPERATION", comment: "y".repeat(5000) }, "comment"],
    [{ version: "one", stage: "OPERATION" }, "version"],
  ];
  for (const [data, field] of bodies) {
    const res = await admin.patch(`/api/projects/${UNMANAGED}`, { data });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(body.error.fields)).toContain(field);
  }
  const notJson = await admin.patch(`/api/projects/${UNMANAGED}`, { data: "not json", headers: { "Content-Type": "application/json" } });
  expect(notJson.status()).toBe(400);
  expect(await current(admin, UNMANAGED)).toEqual(before);
  await admin.dispose();
});

test("a stale version gets 409 with the current values and what changed", async ({ playwright, baseURL }) => {
  const admin = await session(playwright, baseURL!, "admin");
  const before = await current(admin, UNMANAGED);
  const first = await admin.patch(`/api/projects/${UNMANAGED}`, { data: { version: before.version, progressPercent: 11 } });
  expect(first.status()).toBe(200);
  const second = await admin.patch(`/api/projects/${UNMANAGED}`, { data: { version: before.version, progressPercent: 12 } });
  expect(second.status()).toBe(409);
  const body = await second.json();
  expect(body.error.code).toBe("CONFLICT");
  expect(body.error.current).toMatchObject({ version: before.version + 1, progressPercent: 11 });
  expect(body.error.changesSince[0].changes).toContainEqual(expect.objectContaining({ field: "progressPercent", after: "11" }));
  expect((await current(admin, UNMANAGED)).progressPercent).toBe(11);
  await admin.dispose();
});

test("sign-in is throttled after repeated failures for one email", async ({ playwright, baseURL }) => {
  const ctx = await session(playwright, baseURL!, null);
  const email = `nobody-${Date.now()}@lodestone.local`;
  for (let i = 0; i < 5; i++) {
    const res = await ctx.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } });
    expect(res.status()).toBe(401);
  }
  const blocked = await ctx.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } });
  expect(blocked.status()).toBe(429);
  expect((await blocked.json()).message).toMatch(/Too many failed sign-ins/);
  // other accounts are unaffected
  const other = await ctx.post("/api/auth/sign-in/email", { data: { email: DEMO_LOGINS.staff.email, password: DEMO_LOGINS.staff.password } });
  expect(other.status()).toBe(200);
  await ctx.dispose();
});
