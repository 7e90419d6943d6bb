import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_LOGINS, type DemoRole } from "../lib/auth/demo-users";

export { expect, test };

/** Fails with the list of serious or critical axe violations on the page, if any. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
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
 * clicking through the form (the sign-in form has specs of its own).
 */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  const { email, password } = DEMO_LOGINS[role];
  const origin = new URL(page.context().pages()[0]?.url().startsWith("http") ? page.url() : "http://localhost").origin;
  const baseURL = (test.info().project.use.baseURL as string) ?? origin;
  const res = await page.request.post(`${baseURL}/api/auth/sign-in/email`, { data: { email, password }, headers: { Origin: baseURL } });
  expect(res.status(), await res.text()).toBe(200);
}
