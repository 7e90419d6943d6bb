import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognizes an unreachable, restarting or saturated database at any depth", () => {
    const cases: unknown[] = [
      { code: "P1001", message: "Can't reach database server" },
      { code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." },
      { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } },
      { cause: { kind: "postgres", originalCode: "57P01", message: "terminating connection due to administrator command" } },
      { code: "57P03", message: "the database system is starting up" },
      { code: "53300", message: "sorry, too many clients already" },
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      { meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } },
    ];
    for (const err of cases) expect(isDatabaseUnavailable(err), JSON.stringify(err)).toBe(true);
  });

  it("leaves bugs and bad data alone", () => {
    const cases: unknown[] = [
      new Error("Cannot read properties of undefined"),
      { code: "P2002", message: "Unique constraint failed" },
      { cause: { kind: "postgres", originalCode: "42P01", message: 'relation "SavedView" does not exist' } },
      { code: "22P02", message: "invalid input syntax for type uuid" },
      null,
      "string",
    ];
    for (const err of cases) expect(isDatabaseUnavailable(err), JSON.stringify(err)).toBe(false);
  });

  it("does not loop on a cyclic cause", () => {
    const err: { message: string; cause?: unknown } = { message: "x" };
    err.cause = err;
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
