import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

export { expect, test };

/** Fails with the list of serious or critical axe violations on the page, if any. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, serious.join("\n")).toEqual([]);
}

export type DemoRole = "admin" | "pmo" | "manager" | "executive" | "staff";

/** The embedded demo's users (lib/auth/users.ts), created by `npm start` for the e2e server. */
export const DEMO_LOGINS: Record<DemoRole, { email: string; password: string; name: string }> = {
  admin: { email: "admin@lodestone.local", password: "lodestone-admin", name: "Ada Admin" },
  manager: { email: "manager@lodestone.local", password: "lodestone-manager", name: "Mei Manager" },
  pmo: { email: "pmo@lodestone.local", password: "lodestone-pmo", name: "Pat PMO" },
  executive: { email: "executive@lodestone.local", password: "lodestone-executive", name: "Eli Executive" },
  staff: { email: "staff@lodestone.local", password: "lodestone-staff", name: "Sam Staff" },
};

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
