import fs from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { verifyWebhook } from "../lib/jobs/webhook-signature";
import { DEMO_LOGINS, expect, test } from "./fixtures";

/**
 * The reporting cycle's messages end to end, through real servers on
 * loopback: the overdue manager's reminder arrives in the SMTP sink that
 * playwright.config.ts starts before the app (e2e/support/smtp-sink-server.ts),
 * the escalation reaches the PMO (mail and bell), and a webhook delivery
 * arrives signed. No clock is faked: the spec gives MMG a due-date rule that
 * makes the current reporting period overdue today (due on the 1st, the PMO
 * told at once), as an admin would, and the job runner's sweep does the rest.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SINK_FILE = path.resolve(`.data/e2e/smtp-sink-${PORT}.jsonl`);
const UNIT = "MMG";

interface Mail {
  to: string[];
  subject: string;
  text: string;
  language: string | null;
}

const mails = (): Mail[] =>
  fs.existsSync(SINK_FILE)
    ? fs
        .readFileSync(SINK_FILE, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Mail)
    : [];

function reportingPeriod(): string {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, "0")}`;
}

async function signedIn(browser: Browser, who: keyof typeof DEMO_LOGINS) {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, locale: "en-US" });
  const res = await context.request.post("/api/auth/sign-in/email", {
    data: { email: DEMO_LOGINS[who].email, password: DEMO_LOGINS[who].password },
    headers: { Origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(200);
  return { context, page: await context.newPage() };
}

/** A webhook receiver that keeps each request's raw body and headers; the signature is checked once the secret is known. */
async function startReceiver(): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: string }[]; server: Server }> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

test.describe.configure({ mode: "serial" });

test("the overdue manager's reminder reaches the SMTP sink, the escalation reaches the PMO, and the rule change's webhook arrives signed", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const period = reportingPeriod();
  const receiver = await startReceiver();
  const admin = await signedIn(browser, "admin");
  const a = admin.page;
  try {
    // An admin points a webhook at the receiver; its secret is shown once.
    await a.goto("/admin/webhooks");
    await a.getByLabel("Receiver address").fill(receiver.url);
    await a.getByRole("button", { name: "Add webhook" }).click();
    const secret = await a.getByLabel("Signing secret").inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await a.getByRole("button", { name: "I have copied it" }).click();

    // MMG's reports are now due on the 1st and the PMO is told at once: the current period is overdue today.
    await a.goto("/admin/reporting");
    const add = a.getByRole("form", { name: "A rule for a unit" });
    await add.getByLabel("Unit").selectOption(UNIT);
    await add.getByLabel("Due day of the next month").fill("1");
    await add.getByLabel("Remind managers (days before)").fill("0");
    await add.getByLabel("Tell the PMO (days after)").fill("0");
    await add.getByLabel("Tell the group (days after)").fill("90");
    await add.getByLabel("Reason (optional)").fill("End-to-end: overdue today");
    await add.getByRole("button", { name: "Add the rule" }).click();
    await expect(a.getByRole("status")).toContainText("Saved.");

    // The rule change is an audited change: its webhook arrives, signed with the secret.
    await expect.poll(() => receiver.received.find((r) => r.headers["x-lodestone-event"] === "reporting.rule.set"), { timeout: 30_000 }).toBeTruthy();
    const hook = receiver.received.find((r) => r.headers["x-lodestone-event"] === "reporting.rule.set")!;
    expect(verifyWebhook(secret, hook.headers["x-lodestone-timestamp"] as string, hook.body, hook.headers["x-lodestone-signature"] as string)).toBe(true);
    expect(verifyWebhook("not-the-secret", hook.headers["x-lodestone-timestamp"] as string, hook.body, hook.headers["x-lodestone-signature"] as string)).toBe(
      false,
    );
    expect(JSON.parse(hook.body)).toMatchObject({ topic: "reporting.rule.set", data: { entityId: UNIT } });

    // The sweep (every few seconds in the e2e server) tells the manager by e-mail, in their language (English here),
    // and the PMO over MMG gets the digest of overdue projects.
    const managerMail = () => mails().find((m) => m.to.includes(DEMO_LOGINS.manager.email) && m.subject.includes(`the report for ${period} is overdue`));
    await expect.poll(() => managerMail()?.subject ?? null, { timeout: 45_000 }).toMatch(/^\[Lodestone\] .+: the report for \d{4}-\d{2} is overdue/);
    expect(managerMail()!.language).toBe("en");
    expect(managerMail()!.text).toContain(`/reports/new?period=${period}`);
    const pmoMail = () => mails().find((m) => m.to.includes(DEMO_LOGINS.pmo.email) && m.text.includes(`/reports/${period}`));
    await expect.poll(() => pmoMail()?.subject ?? null, { timeout: 45_000 }).toBeTruthy();

    // The escalation is in the PMO's bell too.
    const pmo = await signedIn(browser, "pmo");
    await pmo.page.goto("/notifications");
    await expect(pmo.page.getByRole("link", { name: new RegExp(period) }).first()).toBeVisible();
    await pmo.context.close();
  } finally {
    // Leave MMG on the group's rule and no webhook behind, whatever happened above.
    await a.goto("/admin/reporting");
    const section = a.getByRole("region", { name: new RegExp(`^${UNIT} · `) });
    if (await section.count()) {
      await section.getByRole("button", { name: "Remove this unit's rule" }).click();
      await expect(a.getByRole("status")).toContainText("Saved.");
    }
    await a.goto("/admin/webhooks");
    a.on("dialog", (d) => void d.accept());
    const del = a.getByRole("button", { name: `Delete webhook ${receiver.url}` });
    if (await del.count()) await del.click();
    await admin.context.close();
    receiver.server.close();
  }
});
