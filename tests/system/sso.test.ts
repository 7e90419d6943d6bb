import AxeBuilder from "@axe-core/playwright";
import fc from "fast-check";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../lib/auth/demo-users";
import { startTestIdp, type IdpUser, type TestIdp } from "../support/oidc-provider";
import { createPostgresDb, freePort, seed, startApp, stopApp, withDb, type App, type TestDb } from "./harness";

/**
 * Single sign-on end to end (issue 19): the built app (`next start`) on
 * PostgreSQL, a real OpenID Connect provider on loopback
 * (tests/support/oidc-provider.ts), and Chromium clicking through both, by
 * role and label. PostgreSQL, because the test reads the database while the
 * app runs (an embedded database is locked by its server).
 */
const DISPLAY = "Minmetals SSO";
const GROUP_MAP = "lodestone-mmg-readers=executive@MMG;lodestone-pmo=pmo@GRP";
const STAFF = DEMO_LOGINS.staff;

const users: IdpUser[] = [
  {
    username: "nia",
    password: "nia-pass",
    email: "nia.new@minmetals.test",
    emailVerified: true,
    name: "Nia New",
    groups: ["lodestone-mmg-readers", "some-other-group"],
  },
  { username: "sam", password: "sam-pass", email: STAFF.email, emailVerified: true, name: "Sam at the IdP", groups: ["lodestone-pmo"] },
  { username: "uma", password: "uma-pass", email: "uma.unverified@minmetals.test", emailVerified: false, name: "Uma Unverified", groups: ["lodestone-pmo"] },
  {
    username: "dora",
    password: "dora-pass",
    email: "dora.disabled@minmetals.test",
    emailVerified: true,
    name: "Dora Disabled",
    groups: ["lodestone-mmg-readers"],
  },
];
const user = (username: string) => users.find((u) => u.username === username)!;

function ssoEnv(idp: TestIdp): Record<string, string> {
  return {
    LODESTONE_OIDC_ISSUER: idp.issuer,
    LODESTONE_OIDC_CLIENT_ID: idp.clientId,
    LODESTONE_OIDC_CLIENT_SECRET: idp.clientSecret,
    LODESTONE_OIDC_SCOPES: "openid email profile groups",
    LODESTONE_OIDC_DISPLAY_NAME: DISPLAY,
    LODESTONE_OIDC_GROUP_MAP: GROUP_MAP,
  };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("single sign-on with an OpenID Connect provider", () => {
  let db: TestDb;
  let idp: TestIdp;
  let app: App;
  let noPasswords: App | undefined;
  let browser: Browser;
  let port: number;
  let port2: number;

  beforeAll(async () => {
    db = await createPostgresDb(process.env.TEST_DATABASE_URL!);
    await seed(db);
    [port, port2] = [await freePort(), await freePort()];
    idp = await startTestIdp({ redirectUris: [port, port2].map((p) => `http://127.0.0.1:${p}/api/auth/callback/oidc`), users });
    app = await startApp(db, { port, env: ssoEnv(idp) });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  });

  afterAll(async () => {
    await browser?.close();
    for (const a of [app, noPasswords]) if (a) await stopApp(a, "SIGKILL");
    await idp?.close();
    await db?.drop();
  });

  const prisma = <T>(fn: (p: Parameters<Parameters<typeof withDb>[1]>[0]["prisma"]) => Promise<T>) => withDb(db, (d) => fn(d.prisma));

  /** What a refused sign-in must not have written. */
  const footprint = () =>
    prisma(async (p) => ({
      users: await p.user.count(),
      sessions: await p.session.count(),
      accounts: await p.account.count(),
      roles: await p.roleAssignment.count(),
      audit: await p.auditEntry.count(),
    }));

  /** From the app's sign-in page through the provider's login and consent pages; ends wherever the provider's answer leads. */
  async function throughProvider(page: Page, target: App, who: IdpUser, next = "/projects"): Promise<void> {
    await page.goto(`${target.origin}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByRole("button", { name: `Sign in with ${DISPLAY}` }).click();
    await page.getByRole("heading", { name: "Sign in to the test identity provider" }).waitFor();
    await page.getByLabel("Username").fill(who.username);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Allow Lodestone to use your account?" }).waitFor();
    await page.getByRole("button", { name: "Allow" }).click();
  }

  async function signedInContext(who: IdpUser, target = app): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await throughProvider(page, target, who);
    await page.waitForURL(`${target.origin}/projects`);
    return { context, page };
  }

  /** The sign-in page after a refused return from the provider, with its message. */
  async function expectRefused(page: Page, code: string, message: RegExp): Promise<void> {
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("error") === code);
    await page.getByRole("group", { name: "There is a problem" }).getByText(message).waitFor();
  }

  const rolesOf = (email: string) =>
    prisma(async (p) =>
      (await p.roleAssignment.findMany({ where: { user: { email } }, select: { role: true, unit: { select: { code: true } } } }))
        .map((r) => `${r.role}@${r.unit.code}`)
        .sort(),
    );

  it("shows the provider's button on an accessible sign-in page, next to the password form", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.origin}/sign-in`);
    await page.getByRole("button", { name: `Sign in with ${DISPLAY}` }).waitFor();
    await page.getByLabel("Password").waitFor();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await page.context().close();
  });

  it("a first sign-in creates the user, maps their group to a role on MMG, and they read MMG's projects only (code flow with PKCE)", async () => {
    const before = idp.tokenRequests.withVerifier;
    const { context, page } = await signedInContext(user("nia"));
    await page.getByText("Nia New", { exact: true }).first().waitFor();

    const created = await prisma((p) => p.user.findUniqueOrThrow({ where: { email: "nia.new@minmetals.test" }, include: { accounts: true } }));
    expect(created).toMatchObject({ name: "Nia New", emailVerified: true });
    expect(created.accounts.map((a) => a.providerId)).toEqual(["oidc"]);
    expect(await rolesOf("nia.new@minmetals.test")).toEqual(["executive@MMG"]);
    const audit = await prisma((p) => p.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { at: "asc" } }));
    expect(audit.map((a) => [a.action, a.actorId, a.actorName])).toEqual([
      ["user.create", null, `Single sign-on (${DISPLAY})`],
      ["user.role.assign", null, `Single sign-on (${DISPLAY})`],
    ]);
    expect(audit[1]).toMatchObject({
      after: { role: "executive", unit: "MMG" },
      reason: "Group mapping at sign-in; groups: lodestone-mmg-readers, some-other-group",
    });

    const [inMmg, all] = await prisma(async (p) => [
      await p.project.count({ where: { orgUnit: { path: { startsWith: (await p.orgUnit.findUniqueOrThrow({ where: { code: "MMG" } })).path } } } }),
      await p.project.count(),
    ]);
    expect(inMmg).toBeGreaterThan(0);
    expect(inMmg).toBeLessThan(all);
    const listed = (await (await page.request.get(`${app.origin}/api/projects?pageSize=100`)).json()) as { total: number };
    expect(listed.total).toBe(inMmg);
    // The provider refuses a code exchange without the PKCE verifier; this shows the app sent one.
    expect(idp.tokenRequests.withVerifier).toBe(before + 1);
    expect(idp.tokenRequests.without).toBe(0);
    await context.close();
  });

  it("an existing user is matched by verified e-mail: same account, hand-assigned role kept, mapped role added", async () => {
    const staffBefore = await prisma((p) => p.user.findUniqueOrThrow({ where: { email: STAFF.email } }));
    const count = await prisma((p) => p.user.count());
    const { context, page } = await signedInContext(user("sam"));
    await page.getByText(STAFF.name, { exact: true }).first().waitFor(); // the app's name for them, not the provider's
    expect(await prisma((p) => p.user.count())).toBe(count);
    expect(
      await prisma((p) => p.account.findMany({ where: { userId: staffBefore.id }, select: { providerId: true }, orderBy: { providerId: "asc" } })),
    ).toEqual([{ providerId: "credential" }, { providerId: "oidc" }]);
    expect(await rolesOf(STAFF.email)).toEqual(["pmo@GRP", "staff@GRP"]);
    const actions = (await prisma((p) => p.auditEntry.findMany({ where: { entityId: staffBefore.id }, orderBy: { at: "asc" } }))).map((a) => a.action);
    expect(actions).toEqual(["user.sso.link", "user.role.assign"]);
    await context.close();
  });

  it("leaving the group at the provider takes the mapped role away at the next sign-in, audited", async () => {
    user("nia").groups = ["some-other-group"];
    try {
      const { context, page } = await signedInContext(user("nia"));
      expect(await rolesOf("nia.new@minmetals.test")).toEqual([]);
      const nia = await prisma((p) => p.user.findUniqueOrThrow({ where: { email: "nia.new@minmetals.test" } }));
      const last = await prisma((p) => p.auditEntry.findFirstOrThrow({ where: { action: "user.role.unassign", entityId: nia.id }, orderBy: { at: "desc" } }));
      expect(last).toMatchObject({ actorId: null, before: { role: "executive", unit: "MMG" }, after: null });
      expect(((await (await page.request.get(`${app.origin}/api/projects`)).json()) as { total: number }).total).toBe(0);
      await context.close();
    } finally {
      user("nia").groups = ["lodestone-mmg-readers"];
    }
  });

  it("signing out ends the session", async () => {
    const { context, page } = await signedInContext(user("nia"));
    const token = (await context.cookies()).find((c) => c.name.endsWith("session_token"))!.value.split(".")[0];
    const sessions = () => prisma((p) => p.session.count({ where: { token } }));
    expect(await sessions()).toBe(1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(sessions).toBe(0);
    await page.goto(`${app.origin}/projects`);
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await context.close();
  });

  it("an e-mail the provider has not verified is refused with a clear message, and nothing is written", async () => {
    const before = await footprint();
    const page = await (await browser.newContext()).newPage();
    await throughProvider(page, app, user("uma"));
    await expectRefused(page, "email_not_verified", /has not verified your e-mail address/);
    expect(await footprint()).toEqual(before);
    expect(await prisma((p) => p.user.count({ where: { email: user("uma").email } }))).toBe(0);
    await page.context().close();
  });

  it("a disabled user is refused, and their roles are left alone", async () => {
    const first = await signedInContext(user("dora"));
    await first.context.close();
    await prisma((p) => p.user.update({ where: { email: user("dora").email }, data: { banned: true } }));
    await prisma((p) => p.session.deleteMany({ where: { user: { email: user("dora").email } } }));
    user("dora").groups = ["lodestone-pmo"]; // would change her roles, if she were let in
    try {
      const before = await footprint();
      const page = await (await browser.newContext()).newPage();
      await throughProvider(page, app, user("dora"));
      await expectRefused(page, "BANNED_USER", /This account is disabled/);
      expect(await footprint()).toEqual(before);
      expect(await rolesOf(user("dora").email)).toEqual(["executive@MMG"]);
      await page.context().close();
    } finally {
      user("dora").groups = ["lodestone-mmg-readers"];
    }
  });

  for (const [tamper, what] of [
    ["signature", "an ID token whose signature was tampered with"],
    ["issuer", "an ID token from another issuer (validly signed)"],
  ] as const)
    it(`${what} is refused, and nothing is written`, async () => {
      const before = await footprint();
      idp.tamper = tamper;
      try {
        const page = await (await browser.newContext()).newPage();
        await throughProvider(page, app, user("nia"));
        await expectRefused(page, "unable_to_get_user_info", /could not be verified/);
        await page.context().close();
      } finally {
        idp.tamper = null;
      }
      expect(await footprint()).toEqual(before);
    });

  /** Runs the provider's part, with the provider holding back its answer to the app: the callback URL it would have sent. */
  async function callbackUrl(page: Page): Promise<URL> {
    idp.holdCallback = true;
    idp.heldCallback = undefined;
    await throughProvider(page, app, user("nia"));
    await page.getByRole("heading", { name: "Held by the test" }).waitFor();
    expect(idp.heldCallback).toBeDefined();
    return new URL(idp.heldCallback!);
  }

  it("a callback naming another issuer (iss) is refused, and nothing is written", async () => {
    const page = await (await browser.newContext()).newPage();
    const url = await callbackUrl(page);
    expect(url.searchParams.get("iss")).toBe(idp.issuer);
    url.searchParams.set("iss", "http://idp.invalid");
    const before = await footprint();
    await page.goto(url.toString());
    await expectRefused(page, "issuer_mismatch", /did not come from the configured identity provider/);
    expect(await footprint()).toEqual(before);
    await page.context().close();
  });

  it("a callback with a state this browser did not start is refused, and nothing is written", async () => {
    const page = await (await browser.newContext()).newPage();
    const url = await callbackUrl(page);
    const real = url.toString();
    url.searchParams.set("state", "forged-state-0123456789");
    const before = await footprint();
    await page.goto(url.toString());
    await expectRefused(page, "state_mismatch", /expired or was started in another window/);
    expect(await footprint()).toEqual(before);
    // Another browser replaying the real callback (someone else's code and state) has no state cookie.
    const replay = await (await browser.newContext()).newPage();
    await replay.goto(real);
    await replay.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.has("error"));
    expect(await footprint()).toEqual(before);
    await page.context().close();
    await replay.context().close();
  });

  it("opens only the callback: the library's other OAuth endpoints stay 404", async () => {
    for (const [method, path] of [
      ["POST", "/api/auth/sign-in/social"],
      ["POST", "/api/auth/callback/oidc"],
      ["GET", "/api/auth/callback/google"],
      ["POST", "/api/auth/link-social"],
    ] as const) {
      const res = await fetch(`${app.origin}${path}`, {
        method,
        headers: { origin: app.origin, "content-type": "application/json" },
        body: method === "POST" ? JSON.stringify({ provider: "oidc" }) : undefined,
        redirect: "manual",
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it("fuzz: 150 malformed callbacks are each refused with a redirect to the sign-in page, never a 5xx, and write nothing", async () => {
    const before = await footprint();
    const value = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.constantFrom("", "%00", "\u0000", "a".repeat(5000), idp.issuer, "http://idp.invalid", "[]", "{}"),
    );
    const query = fc.record(
      { code: value, state: value, iss: value, error: value, error_description: value, user: value, device_id: value, extra: value },
      { requiredKeys: [] },
    );
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries(q)) params.set(k, v);
        const url = `${app.origin}/api/auth/callback/oidc?${params}`;
        // One retry when a kept-alive connection was closed by the server as it was reused (a race of idle
        // timeouts, not an answer); a second failure is one.
        const res = await fetch(url, { redirect: "manual" }).catch((err: unknown) => {
          if ((err as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw err;
          return fetch(url, { redirect: "manual" });
        });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        expect(res.status, params.toString()).toBeLessThan(500);
        if (res.status >= 300 && res.status < 400) expect(new URL(res.headers.get("location")!, app.origin).pathname).toBe("/sign-in");
      }),
      { numRuns: 150, seed: 20261208, endOnFailure: true },
    );
    console.log(`callback fuzz statuses: ${JSON.stringify(statuses)}`);
    expect(await footprint()).toEqual(before);
    expect((await fetch(`${app.origin}/api/health`)).status).toBe(200);
  });

  it("with password sign-in turned off, the form offers the provider only and the server refuses passwords", async () => {
    noPasswords = await startApp(db, { port: port2, env: { ...ssoEnv(idp), LODESTONE_PASSWORD_SIGN_IN: "false" } });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${noPasswords.origin}/sign-in`);
    await page.getByRole("button", { name: `Sign in with ${DISPLAY}` }).waitFor();
    expect(await page.getByLabel("Password").count()).toBe(0);
    expect(await page.getByLabel("Email").count()).toBe(0);
    const res = await fetch(`${noPasswords.origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: noPasswords.origin, "content-type": "application/json" },
      body: JSON.stringify({ email: STAFF.email, password: STAFF.password }),
    });
    expect(res.status).toBe(404);
    await page.context().close();
    // Single sign-on is the way in.
    const { context } = await signedInContext(user("sam"), noPasswords);
    await context.close();
  });

  it("refuses to start when the provider's discovery names another issuer than configured, or when the settings are incomplete", async () => {
    const wrongIssuer = idp.issuer.replace("127.0.0.1", "localhost");
    await expect(startApp(db, { env: { ...ssoEnv(idp), LODESTONE_OIDC_ISSUER: wrongIssuer } })).rejects.toThrow(
      `LODESTONE_OIDC_ISSUER is "${wrongIssuer}" but the provider's discovery document names the issuer "${idp.issuer}"`,
    );
    await expect(startApp(db, { env: { LODESTONE_OIDC_ISSUER: idp.issuer } })).rejects.toThrow(/LODESTONE_OIDC_CLIENT_ID: is required for single sign-on/);
    await expect(startApp(db, { env: { ...ssoEnv(idp), LODESTONE_OIDC_GROUP_MAP: "lodestone-pmo=owner@GRP" } })).rejects.toThrow(/unknown role "owner"/);
  });
});
