import { describe, expect, it } from "vitest";
import { testBackends, withTestDatabase } from "../test/database";
import { clearLoginFailures, MAX_FAILURES, minutesUntilAllowed, recordLoginFailure, WINDOW_MINUTES } from "./login-throttle";

describe.each(testBackends())("login throttle on %s", (backend) => {
  const database = withTestDatabase(backend);

  it("allows sign-in until MAX_FAILURES failures, then refuses for the rest of the window", async () => {
    const prisma = database().prisma;
    const email = "Someone@Example.com";
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordLoginFailure(prisma, email, "127.0.0.1");
    expect(await minutesUntilAllowed(prisma, email)).toBe(0);
    await recordLoginFailure(prisma, email, "127.0.0.1");
    expect(await minutesUntilAllowed(prisma, "someone@example.com")).toBe(WINDOW_MINUTES);
    // another account is not affected
    expect(await minutesUntilAllowed(prisma, "other@example.com")).toBe(0);
    // failures older than the window no longer count
    const later = new Date(Date.now() + (WINDOW_MINUTES + 1) * 60_000);
    expect(await minutesUntilAllowed(prisma, email, later)).toBe(0);
    await clearLoginFailures(prisma, email);
    expect(await minutesUntilAllowed(prisma, email)).toBe(0);
  });
});
