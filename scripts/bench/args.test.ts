import { describe, expect, it } from "vitest";
import { BenchUsageError, CASE_IDS, DEFAULT_POSTGRES_URL, parseBenchArgs } from "./args";

describe("parseBenchArgs", () => {
  it("defaults to the full matrix", () => {
    expect(parseBenchArgs([])).toEqual({
      command: "run",
      postgresUrl: DEFAULT_POSTGRES_URL,
      port: undefined,
      skipBuild: false,
      reseed: false,
      sizes: [1000, 20000, 100000],
      databases: ["pglite", "postgres"],
      connections: [1, 8, 32],
      duration: 10,
      only: [...CASE_IDS],
    });
  });

  it("reads lists, deduplicated, and flags", () => {
    const a = parseBenchArgs([
      "run",
      "--sizes",
      "1000, 20000,1000",
      "--db=postgres",
      "--connections",
      "1,32",
      "--only",
      "list-api,status-update",
      "--skip-build",
      "--duration",
      "5",
    ]);
    expect(a).toMatchObject({
      command: "run",
      sizes: [1000, 20000],
      databases: ["postgres"],
      connections: [1, 32],
      only: ["list-api", "status-update"],
      skipBuild: true,
      duration: 5,
    });
  });

  it("reads the soak", () => {
    expect(parseBenchArgs(["soak", "--minutes", "5", "--rate", "12.5"])).toMatchObject({
      command: "soak",
      minutes: 5,
      rate: 12.5,
      size: 20000,
      database: "postgres",
      maxGrowth: 1,
    });
  });

  it("explains bad flags", () => {
    const bad: [string[], RegExp][] = [
      [["--sise", "10"], /sise/],
      [["--sizes", "1k"], /--sizes takes a whole number/],
      [["--sizes", ""], /--sizes needs at least one value/],
      [["--db", "sqlite"], /--db: unknown "sqlite"; known: pglite, postgres/],
      [["--only", "list"], /--only: unknown "list"/],
      [["--connections", "0"], /--connections/],
      [["--duration", "-1"], /duration/],
      [["--port", "80"], /--port/],
      [["--size", "1000"], /--size is not an option of the run/],
      [["soak", "--sizes", "1000"], /--sizes is not an option of the soak/],
      [["soak", "--db", "pglite,postgres"], /one database/],
      [["soak", "--minutes", "0"], /--minutes/],
      [["--postgres-url", "mysql://x"], /postgres:\/\//],
      [["bench"], /unknown command "bench"/],
      [["run", "soak"], /one command/],
    ];
    for (const [argv, message] of bad) {
      expect(() => parseBenchArgs(argv), argv.join(" ")).toThrow(BenchUsageError);
      expect(() => parseBenchArgs(argv), argv.join(" ")).toThrow(message);
    }
  });
});
