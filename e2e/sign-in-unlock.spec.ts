import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

/**
 * Issue 16: after repeated failures an account waits before its next attempt;
 * an admin lets it sign in at once from the admin page (audited).
 */
test("an admin unlocks an account that failed to sign in too often", async ({ page, playwright, baseURL }) => {
  const email = `locked-${Date.now()}@lodestone.local`;
  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  for (let i = 0; i < 5; i++) expect((await anonymous.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } })).status()).toBe(401);
  const delayed = await anonymous.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } });
  expect(delayed.status()).toBe(429);
  expect(Number(delayed.headers()["retry-after"])).toBeGreaterThan(0);

  await signInAs(page, "admin");
  await page.goto("/admin");
  const unlock = page.getByRole("region", { name: "Unlock sign-in" });
  await unlock.getByRole("textbox", { name: "Account email" }).fill(email);
  await unlock.getByRole("button", { name: "Unlock sign-in" }).click();
  await expect(unlock.getByRole("status")).toHaveText(`Sign-in unlocked for ${email} (5 failures cleared).`);
  await expectNoSeriousA11yViolations(page);

  // the next attempt is checked at once (a wrong password again: 401, not 429)
  expect((await anonymous.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } })).status()).toBe(401);
  await anonymous.dispose();
});
