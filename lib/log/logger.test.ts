import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("log", () => {
  it("writes one JSON object per line with level name, time and message", () => {
    const { lines, logger } = capture();
    logger.info({ requestId: "abc-123" }, "hello");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "hello", requestId: "abc-123", service: "lodestone" });
    expect(typeof lines[0].time).toBe("string");
  });

  it("redacts cookies, authorization headers and passwords wherever they sit", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: "p1",
        input: { email: "a@b.c", password: "p2" },
        req: { headers: { cookie: "better-auth.session_token=secret", authorization: "Bearer t" } },
        headers: { "set-cookie": "s=1" },
      },
      "sign-in",
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ["p1", "p2", "session_token=secret", "Bearer t", "s=1"]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: "[redacted]", input: { email: "a@b.c", password: "[redacted]" } });
  });

  it("respects the level", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", destination: new Writable({ write: (c, _e, d) => (lines.push(String(c)), d()) }) });
    logger.info("quiet");
    logger.warn("loud");
    expect(lines).toHaveLength(1);
  });
});
