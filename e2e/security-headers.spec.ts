import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { toggleOptions } from "./multi-select";

/**
 * The strict CSP (per-request script nonce, no 'unsafe-inline' scripts) must
 * not break the app: each main page loads without a CSP violation, Next's
 * client runtime starts (hydration), and the security headers are there.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      ((window as unknown as { __csp: string[] }).__csp ??= []).push(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return problems;
}

async function expectStrictAndHydrated(page: Page, path: string, problems: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  for (const d of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) expect(csp).toContain(d);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(headers["strict-transport-security"], "HSTS only when the public URL is https").toBeUndefined();
  // Every script tag the server sent carries this response's nonce. Chunks that Next's runtime loads
  // later carry none: 'strict-dynamic' trusts scripts a nonced script inserts, which is the point of it.
  const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, tag).toContain(`nonce="${nonce}"`);
  // Next's client runtime ran (it is blocked without the nonce).
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  expect(problems).toEqual([]);
}

test.describe("strict CSP and security headers", () => {
  test("the dashboard, the list, a project page and sign-in load without a CSP violation and hydrate", async ({ page }) => {
    const problems = await watchViolations(page);
    for (const path of ["/", "/projects/chentaigou-iron-mine", "/sign-in", "/projects"]) await expectStrictAndHydrated(page, path, problems);
    // a client-side interaction works: the list filters in place
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
    await toggleOptions(page, "Region", ["Africa"]);
    await expect(page).toHaveURL(/region=AFRICA/);
    await expect(
      page
        .getByRole("table", { name: /^Projects/ })
        .getByRole("rowheader")
        .filter({ hasText: "Kinsevere" }),
    ).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("the admin page loads for an admin without a CSP violation and hydrates", async ({ page }) => {
    const problems = await watchViolations(page);
    await signInAs(page, "admin");
    await expectStrictAndHydrated(page, "/admin", problems);
    await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();
  });

  test("two loads get two different nonces; the API gets a CSP that allows nothing", async ({ request }) => {
    const a = (await request.get("/projects")).headers()["content-security-policy"];
    const b = (await request.get("/projects")).headers()["content-security-policy"];
    expect(a).not.toBe(b);
    const api = await request.get("/api/health", { headers: { "x-request-id": "lb-trace-123" } });
    expect(api.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    // a client's request id is not kept unless it comes through a trusted proxy (LODESTONE_TRUSTED_PROXIES;
    // the kept case is tests/system/security.test.ts "9:")
    expect(api.headers()["x-request-id"]).not.toBe("lb-trace-123");
    expect(api.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
