import { describe, expect, it } from "vitest";
import { BenchUsageError, CASE_IDS, DEFAULT_POSTGRES_URL, parseBenchArgs, redactSecrets } from "./args";

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

  it("runs no peer unless asked, whatever the environment", () => {
    expect(parseBenchArgs([], { REDMINE_URL: "http://127.0.0.1:3300", REDMINE_API_KEY: "k" })).not.toHaveProperty("peer");
  });

  it("reads the peer from flags, or from the environment", () => {
    const flags = parseBenchArgs(["--db", "postgres", "--peer", "redmine", "--peer-url", "http://127.0.0.1:3300/", "--peer-key", "abc"]);
    expect(flags).toMatchObject({ peer: { kind: "redmine", url: "http://127.0.0.1:3300", apiKey: "abc", rounds: 3 } });
    const env = parseBenchArgs(["--peer", "redmine", "--peer-rounds", "2"], {
      REDMINE_URL: "http://localhost:3300",
      REDMINE_API_KEY: "env-key",
      REDMINE_USER: "admin",
      REDMINE_PASSWORD: "pw",
    });
    expect(env).toMatchObject({ peer: { url: "http://localhost:3300", apiKey: "env-key", user: "admin", password: "pw", rounds: 2 } });
    // a flag wins over the environment
    expect(parseBenchArgs(["--peer", "redmine", "--peer-key", "flag"], { REDMINE_URL: "http://h:1", REDMINE_API_KEY: "env" })).toMatchObject({
      peer: { apiKey: "flag" },
    });
  });

  it("explains a peer that cannot be measured", () => {
    const env = { REDMINE_URL: "http://127.0.0.1:3300", REDMINE_API_KEY: "k" };
    const bad: [string[], Record<string, string>, RegExp][] = [
      [["--peer", "redmine"], {}, /needs the server's URL: --peer-url or REDMINE_URL/],
      [["--peer", "redmine", "--peer-url", "http://h:1"], {}, /needs an API key/],
      [["--peer", "redmine", "--peer-url", "ftp://h"], { REDMINE_API_KEY: "k" }, /--peer-url must be an http\(s\):\/\/ URL/],
      [["--peer", "jira"], env, /--peer: unknown "jira"; known: redmine/],
      [["--peer", "redmine", "--db", "pglite"], env, /measured on PostgreSQL/],
      [["--peer", "redmine", "--peer-user", "admin"], env, /go together/],
      [["--peer", "redmine", "--peer-rounds", "0"], env, /--peer-rounds/],
      [["--peer-url", "http://h:1"], {}, /--peer-url without --peer redmine/],
      [["soak", "--peer", "redmine"], env, /--peer is not an option of the soak/],
    ];
    for (const [argv, e, message] of bad) expect(() => parseBenchArgs(argv, e), argv.join(" ")).toThrow(message);
  });

  it("keeps the peer's secrets out of the recorded command line", () => {
    expect(redactSecrets(["--peer", "redmine", "--peer-key", "abc", "--peer-password=pw", "--peer-user", "admin"])).toEqual([
      "--peer",
      "redmine",
      "--peer-key",
      "…",
      "--peer-password=…",
      "--peer-user",
      "admin",
    ]);
  });
});
