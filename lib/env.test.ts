import { describe, expect, it } from "vitest";
import { databaseTarget, EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database", () => {
    const e = parseEnv({});
    expect(databaseTarget(e)).toMatchObject({ kind: "pglite" });
    expect(e.PORT).toBe(3000);
  });
  it("selects PostgreSQL from DATABASE_URL", () => {
    expect(databaseTarget(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/x" }))).toMatchObject({ kind: "postgres", poolSize: 10 });
  });
  it("rejects a non-PostgreSQL DATABASE_URL with a one-line message", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://localhost/db" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(/^Invalid configuration: DATABASE_URL: must be a PostgreSQL URL/);
    expect((error as Error).message).not.toContain("\n");
  });
  it("rejects a bad port", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
  });
});
