import { request as playwrightRequest } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

/**
 * API tokens and webhooks in the browser: a token is created (shown once),
 * used for a Bearer call, then revoked; admins manage service tokens and
 * webhook subscriptions; others get 403. Each test makes its own tokens and
 * subscriptions and removes what it added.
 */
async function apiStatus(token: string, path = "/api/projects") {
  const ctx = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL! });
  const res = await ctx.get(path, { headers: { Authorization: `Bearer ${token}` } });
  const status = res.status();
  await ctx.dispose();
  return status;
}

test.describe("API tokens and webhooks", () => {
  test("a personal token is shown once, works for the API, and stops working when revoked", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/profile/tokens");
    await expect(page.getByRole("heading", { level: 1, name: "Your API tokens" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const name = `e2e read ${Date.now()}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Scope").selectOption("read");
    await page.getByLabel("Expires in").selectOption("7");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByLabel("Your new token");
    await expect(shown).toHaveValue(/^lds_[A-Za-z0-9_-]{43}$/);
    const token = await shown.inputValue();
    await expectNoSeriousA11yViolations(page);

    expect(await apiStatus(token)).toBe(200);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(token.slice(0, 12));
    await expect(row).toContainText("Read only");

    await page.getByRole("button", { name: "I have copied it" }).click();
    await expect(page.getByLabel("Your new token")).toHaveCount(0);
    await page.reload();
    expect(await page.content()).not.toContain(token);
    await expect(page.getByRole("row", { name: new RegExp(name) })).not.toContainText("never");

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    await expect(page.getByText(`Token “${name}” revoked.`)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
    expect(await apiStatus(token)).toBe(401);
  });

  test("an admin creates a service token for a unit and a webhook subscription (secret shown once), pauses and deletes it", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/tokens");
    await expect(page.getByRole("heading", { level: 1, name: "Service API tokens" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const name = `e2e service ${Date.now()}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByLabel("Organization unit").selectOption("MMG");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("Your new token").inputValue();
    expect(token).toMatch(/^lds_/);
    expect(await apiStatus(token)).toBe(200);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Revoke token ${name}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");

    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const url = `http://127.0.0.1:9/e2e-${Date.now()}`;
    await page.getByLabel("Receiver address").fill(url);
    await page.getByRole("checkbox", { name: "Risks" }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByRole("row", { name: new RegExp(url) });
    await expect(row).toContainText("Risks");
    await expect(row).toContainText("Active");
    await page.getByRole("button", { name: `Pause webhook ${url}` }).click();
    await expect(row).toContainText("Paused");
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: `Delete webhook ${url}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(url) })).toHaveCount(0);

    await page.getByRole("link", { name: "Delivery log", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("non-admins get 403 for service tokens and webhooks; anonymous visitors are sent to sign in", async ({ page }) => {
    await signInAs(page, "pmo");
    for (const path of ["/admin/tokens", "/admin/webhooks"]) expect((await page.goto(path))?.status(), path).toBe(403);
    const anon = await page.context().browser()!.newContext();
    const p = await anon.newPage();
    await p.goto(`${test.info().project.use.baseURL}/profile/tokens`);
    await expect(p).toHaveURL(/\/sign-in\?next=%2Fprofile%2Ftokens/);
    await anon.close();
  });
});
