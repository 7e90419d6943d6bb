import { parseArgs } from "node:util";

/** Command line of `npm run bench`: the matrix run (default) or the soak. Pure, so it is tested. */

export const DATABASES = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASES)[number];

export const CASE_IDS = ["list-api", "list-api-anonymous", "list-api-filtered", "list-page", "dashboard", "project-page", "status-update"] as const;
export type CaseId = (typeof CASE_IDS)[number];

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:55432/postgres";

interface Common {
  /** A PostgreSQL server where the bench may create databases (lodestone_bench_<size>). */
  postgresUrl: string;
  port: number | undefined;
  skipBuild: boolean;
  reseed: boolean;
}

export const PEERS = ["redmine"] as const;
export type PeerKind = (typeof PEERS)[number];

/** A peer application measured in the same run, interleaved with Lodestone (scripts/bench/peer.ts). */
export interface PeerArgs {
  kind: PeerKind;
  /** Where the peer is served, without a trailing slash. */
  url: string;
  /** Its REST API key (Redmine: an administrator's, from "My account"). */
  apiKey: string;
  /** A user and password to sign its pages in with; without them its pages are read anonymously. */
  user?: string;
  password?: string;
  /** Alternations of Lodestone and the peer per case and connection count. */
  rounds: number;
}

export interface RunArgs extends Common {
  command: "run";
  sizes: number[];
  databases: DatabaseKind[];
  connections: number[];
  /** Seconds of load per case and connection count. */
  duration: number;
  only: CaseId[];
  peer?: PeerArgs;
}

export interface SoakArgs extends Common {
  command: "soak";
  size: number;
  database: DatabaseKind;
  minutes: number;
  /** Requests per second, spread over the mix. */
  rate: number;
  /** MB/min of RSS growth above which memory "keeps growing". */
  maxGrowth: number;
}

export type BenchArgs = RunArgs | SoakArgs;

export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchUsageError";
  }
}

export const BENCH_USAGE = `usage:
  npm run bench [-- [run] [--sizes 1000,20000,100000] [--db pglite,postgres] [--connections 1,8,32]
                       [--duration 10] [--only ${CASE_IDS.join(",")}]
                       [--postgres-url URL] [--port N] [--skip-build] [--reseed]
                       [--peer redmine --peer-url URL --peer-key KEY [--peer-user U --peer-password P] [--peer-rounds 3]]]
                       (the peer's URL, key, user and password also from REDMINE_URL, REDMINE_API_KEY, REDMINE_USER, REDMINE_PASSWORD)
  npm run bench -- soak [--minutes 15] [--size 20000] [--db postgres] [--rate 20] [--max-growth 1]
                        [--postgres-url URL] [--port N] [--skip-build] [--reseed]`;

function whole(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new BenchUsageError(`--${name} takes a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

function decimal(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || n < min || n > max)
    throw new BenchUsageError(`--${name} takes a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

function list(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function numbers(name: string, raw: string, min: number, max: number): number[] {
  const values = list(raw).map((v) => whole(name, v, min, max));
  if (!values.length) throw new BenchUsageError(`--${name} needs at least one value`);
  return [...new Set(values)];
}

function oneOf<T extends string>(name: string, raw: string, known: readonly T[]): T[] {
  const values = list(raw);
  const unknown = values.filter((v) => !(known as readonly string[]).includes(v));
  if (unknown.length) throw new BenchUsageError(`--${name}: unknown ${unknown.map((v) => JSON.stringify(v)).join(", ")}; known: ${known.join(", ")}`);
  if (!values.length) throw new BenchUsageError(`--${name} needs at least one value`);
  return [...new Set(values)] as T[];
}

/** Environment variables the peer's flags fall back to. */
export type BenchEnv = Partial<Record<"REDMINE_URL" | "REDMINE_API_KEY" | "REDMINE_USER" | "REDMINE_PASSWORD", string>> & Record<string, string | undefined>;

function peerArgs(v: Record<string, string | boolean | undefined>, env: BenchEnv, databases: DatabaseKind[]): PeerArgs | undefined {
  const text = (name: string, fallback?: string) => {
    const value = (v[name] as string | undefined) ?? fallback;
    return value?.trim() ? value.trim() : undefined;
  };
  const kind = text("peer");
  if (kind === undefined) {
    const stray = ["peer-url", "peer-key", "peer-user", "peer-password", "peer-rounds"].filter((n) => v[n] !== undefined);
    if (stray.length) throw new BenchUsageError(`${stray.map((n) => `--${n}`).join(", ")} without --peer redmine`);
    return undefined;
  }
  const [peer] = oneOf("peer", kind, PEERS);
  const url = text("peer-url", env.REDMINE_URL);
  const apiKey = text("peer-key", env.REDMINE_API_KEY);
  if (!url)
    throw new BenchUsageError(
      "--peer redmine needs the server's URL: --peer-url or REDMINE_URL (the bench installs nothing; bench/README.md says how to start one)",
    );
  if (!/^https?:\/\/[^\s/]+/.test(url) || !URL.canParse(url)) throw new BenchUsageError(`--peer-url must be an http(s):// URL, got ${JSON.stringify(url)}`);
  if (!apiKey) throw new BenchUsageError("--peer redmine needs an API key: --peer-key or REDMINE_API_KEY");
  const user = text("peer-user", env.REDMINE_USER);
  const password = text("peer-password", env.REDMINE_PASSWORD);
  if ((user === undefined) !== (password === undefined))
    throw new BenchUsageError("--peer-user and --peer-password go together (or neither: the peer's pages are then read anonymously)");
  // The comparison is fair on one database server only: Redmine runs on PostgreSQL.
  if (!databases.includes("postgres")) throw new BenchUsageError("--peer is measured on PostgreSQL: add postgres to --db");
  return {
    kind: peer,
    url: url.replace(/\/+$/, ""),
    apiKey,
    user,
    password,
    rounds: whole("peer-rounds", (v["peer-rounds"] as string | undefined) ?? "3", 1, 20),
  };
}

/** Parses the command line; `env` supplies the peer's REDMINE_* fallbacks (process.env in the script, nothing in tests). */
export function parseBenchArgs(argv: string[], env: BenchEnv = {}): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        sizes: { type: "string" },
        size: { type: "string" },
        db: { type: "string" },
        connections: { type: "string" },
        duration: { type: "string" },
        only: { type: "string" },
        minutes: { type: "string" },
        rate: { type: "string" },
        "max-growth": { type: "string" },
        "postgres-url": { type: "string" },
        port: { type: "string" },
        "skip-build": { type: "boolean", default: false },
        reseed: { type: "boolean", default: false },
        peer: { type: "string" },
        "peer-url": { type: "string" },
        "peer-key": { type: "string" },
        "peer-user": { type: "string" },
        "peer-password": { type: "string" },
        "peer-rounds": { type: "string" },
      },
    });
  } catch (err) {
    throw new BenchUsageError((err as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new BenchUsageError(`one command at a time, got ${positionals.join(" ")}`);
  const command = positionals[0] ?? "run";
  const postgresUrl = v["postgres-url"] ?? DEFAULT_POSTGRES_URL;
  if (!/^postgres(ql)?:\/\/\S+$/.test(postgresUrl)) throw new BenchUsageError(`--postgres-url must be a postgres:// URL, got ${JSON.stringify(postgresUrl)}`);
  const common: Common = {
    postgresUrl,
    port: v.port === undefined ? undefined : whole("port", v.port, 1024, 65_535),
    skipBuild: v["skip-build"],
    reseed: v.reseed,
  };
  const refuse = (names: string[], where: string) => {
    const given = names.filter((n) => (v as Record<string, unknown>)[n] !== undefined);
    if (given.length) throw new BenchUsageError(`${given.map((n) => `--${n}`).join(", ")} ${given.length === 1 ? "is" : "are"} not an option of ${where}`);
  };

  if (command === "run") {
    refuse(["size", "minutes", "rate", "max-growth"], "the run (did you mean --sizes, or the soak command?)");
    const databases = oneOf("db", v.db ?? "pglite,postgres", DATABASES);
    const peer = peerArgs(v, env, databases);
    return {
      command,
      ...common,
      sizes: numbers("sizes", v.sizes ?? "1000,20000,100000", 1, 1_000_000),
      databases,
      connections: numbers("connections", v.connections ?? "1,8,32", 1, 1000).sort((a, b) => a - b),
      duration: whole("duration", v.duration ?? "10", 1, 3600),
      only: oneOf("only", v.only ?? CASE_IDS.join(","), CASE_IDS),
      ...(peer ? { peer } : {}),
    };
  }
  if (command === "soak") {
    refuse(["sizes", "connections", "duration", "only", "peer", "peer-url", "peer-key", "peer-user", "peer-password", "peer-rounds"], "the soak");
    const [database, ...more] = oneOf("db", v.db ?? "postgres", DATABASES);
    if (more.length) throw new BenchUsageError("--db: the soak runs on one database");
    return {
      command,
      ...common,
      size: whole("size", v.size ?? "20000", 1, 1_000_000),
      database,
      minutes: decimal("minutes", v.minutes ?? "15", 0.5, 24 * 60),
      rate: decimal("rate", v.rate ?? "20", 0.1, 10_000),
      maxGrowth: decimal("max-growth", v["max-growth"] ?? "1", 0, 10_000),
    };
  }
  throw new BenchUsageError(`unknown command ${JSON.stringify(command)}; known: run, soak`);
}

/** The command line as the results show it: the peer's API key and password replaced (the files are committed). */
export function redactSecrets(argv: string[]): string[] {
  const secret = ["--peer-key", "--peer-password"];
  return argv.map((a, i) => {
    if (secret.includes(argv[i - 1])) return "…";
    const eq = secret.find((s) => a.startsWith(`${s}=`));
    return eq ? `${eq}=…` : a;
  });
}
