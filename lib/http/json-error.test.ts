import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../log/logger";
import { AppError } from "../errors";

// The request id comes from the request's headers (set by proxy.ts).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "req-42" }) }));

const lines: Record<string, unknown>[] = [];
(globalThis as { __lodestoneLog?: unknown }).__lodestoneLog = createLogger({
  level: "info",
  destination: new Writable({ write: (c, _e, d) => (lines.push(JSON.parse(String(c))), d()) }),
});

const { handleRoute } = await import("./json-error");

afterEach(() => {
  lines.length = 0;
});

describe("handleRoute", () => {
  it("answers an unexpected error with a generic JSON 500 carrying only the request id, and logs the details with that id", async () => {
    const sqlError = Object.assign(
      new Error('Invalid `prisma.savedView.findMany()` invocation: relation "SavedView" does not exist\n  SELECT "id" FROM "SavedView"'),
      {
        code: "P2010",
      },
    );
    const res = await handleRoute("GET /api/views", async () => {
      throw sqlError;
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again.", requestId: "req-42" } });
    for (const leak of ["SavedView", "SELECT", "prisma", "at ", "json-error"]) expect(text).not.toContain(leak);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", requestId: "req-42", route: "GET /api/views", msg: "unexpected error" });
    expect(JSON.stringify(lines[0].err)).toContain("SavedView");
  });

  it("answers an unreachable database with 503 UNAVAILABLE, not 500", async () => {
    const res = await handleRoute("PATCH /api/projects/[slug]", async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: "UNAVAILABLE", requestId: "req-42" } });
    expect(lines[0]).toMatchObject({ level: "warn", requestId: "req-42" });
  });

  it("passes expected errors through with their code and message", async () => {
    const res = await handleRoute("x", async () => {
      throw new AppError("NOT_FOUND", "noSuchView");
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such view." } });
    expect(lines).toHaveLength(0);
  });
});
