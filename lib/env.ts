import path from "node:path";
import { z } from "zod";
import { parseProxySpec, type ProxySpec } from "./http/client-ip";
import { parseGroupMap, type GroupGrant } from "./auth/oidc-group-map";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/**
 * The app's configuration, read from the environment once. Nothing else reads
 * process.env, so every setting is listed (and explained) here.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** postgres://… selects PostgreSQL; unset selects the embedded database. */
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
        message: "must be a PostgreSQL URL such as postgres://user:password@host:5432/lodestone (or unset for the embedded database)",
      })
      .refine((v) => v === undefined || URL.canParse(v), {
        message: "is not a valid URL (check for unescaped characters in the password)",
      }),
    /** Folder of the embedded database; ignored with DATABASE_URL. */
    LODESTONE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
    /** Connections per app instance when on PostgreSQL. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().trim().min(1).default("localhost"),
    /**
     * Signs session cookies. Required with DATABASE_URL (production); the embedded
     * demo generates one into its data folder when unset.
     */
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    /** The URL browsers use to reach the app (origin checks); default http://localhost:PORT. */
    BETTER_AUTH_URL: z.url().optional(),
    /** Whether reading needs sign-in: default no for the embedded demo, yes with DATABASE_URL. */
    LODESTONE_PUBLIC_READ: z.enum(["true", "false"]).optional(),
    /** Create one demo user per role (default: on for the embedded demo, never with DATABASE_URL). */
    LODESTONE_DEMO_USERS: z.enum(["true", "false"]).optional(),
    /**
     * Reverse proxies whose X-Forwarded-For and X-Request-Id are believed:
     * comma-separated addresses or networks (10.0.0.5, 10.0.0.0/8, ::1). Unset:
     * none, so rate limits key on the connecting socket's address.
     */
    LODESTONE_TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const entries = (v ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const specs: ProxySpec[] = [];
        for (const entry of entries) {
          const spec = parseProxySpec(entry);
          if (spec) specs.push(spec);
          else ctx.addIssue({ code: "custom", message: `"${entry}" is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8)` });
        }
        return specs;
      }),
    /** Sign-in attempts (form and API together) per client address per minute. */
    LODESTONE_SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
    /** pino level of the JSON log on stdout. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * On SIGTERM/SIGINT: how long in-flight requests may take to finish before
     * their connections are closed and the database with them.
     */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
    /** The largest document a user may upload, in bytes (default 25 MB). */
    LODESTONE_MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .default(25 * 1024 * 1024),
    /**
     * Outgoing e-mail (notifications, reminders): an SMTP URL such as
     * smtp://user:password@mail.example.com:587 (smtps:// for TLS). Unset: no
     * e-mail is sent (the in-app notifications still are).
     */
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), { message: "must be an smtp:// or smtps:// URL" }),
    /** The From of notification e-mails. */
    MAIL_FROM: z.string().trim().min(3).default("Lodestone <lodestone@localhost>"),
    /** Run the job runner (outbox delivery, reminders) in this instance: default on; any number of instances may. */
    LODESTONE_JOBS: z.enum(["true", "false"]).default("true"),
    /** How often an idle job runner looks for work. */
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
    /** The first retry of a failed e-mail or webhook waits this long, doubling each try (capped at an hour). */
    JOBS_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** Requests one API token may make per minute (lib/tokens/bearer.ts); more get 429. */
    API_TOKEN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** How often the reminder sweep runs (each reminder is still sent once). */
    REMINDER_SWEEP_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(3_600_000),
    /** The Chromium that prints PDF exports (the report pack): Debian's by default. */
    CHROMIUM_PATH: z.string().trim().min(1).default("/usr/bin/chromium"),
    /**
     * Single sign-on with an OpenID Connect provider (docs/decisions/0060): set
     * the issuer, the client id and the client secret together; the provider
     * redirects back to BETTER_AUTH_URL/api/auth/callback/oidc.
     */
    LODESTONE_OIDC_ISSUER: optionalText.refine((v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), {
      message: "must be the provider's issuer URL, such as https://sso.example.com/realms/group",
    }),
    LODESTONE_OIDC_CLIENT_ID: optionalText,
    LODESTONE_OIDC_CLIENT_SECRET: optionalText,
    /** Scopes asked for, separated by spaces; openid and email are required. */
    LODESTONE_OIDC_SCOPES: z
      .string()
      .trim()
      .default("openid email profile")
      .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))])
      .refine((s) => s.includes("openid") && s.includes("email"), { message: 'must include "openid" and "email" (the user is matched by e-mail)' }),
    /** The button's label: "Sign in with <name>". */
    LODESTONE_OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default("single sign-on"),
    /** The ID-token claim that lists the user's groups. */
    LODESTONE_OIDC_GROUPS_CLAIM: z.string().trim().min(1).max(100).default("groups"),
    /** group=role@UNITCODE entries separated by ";": lib/auth/oidc-group-map.ts. */
    LODESTONE_OIDC_GROUP_MAP: z
      .string()
      .optional()
      .transform((v, ctx): GroupGrant[] => {
        const parsed = parseGroupMap(v);
        if (parsed.ok) return parsed.grants;
        for (const message of parsed.problems) ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }),
    /**
     * "true": take the provider's e-mail as verified even without an
     * email_verified claim — only for providers whose addresses come from the
     * directory and that send no such claim (Entra ID, ADFS). Default: an
     * address counts only with email_verified true.
     */
    LODESTONE_OIDC_TRUST_EMAIL: z.enum(["true", "false"]).default("false"),
    /** Whether e-mail and password sign-in is offered; "false" needs single sign-on configured. */
    LODESTONE_PASSWORD_SIGN_IN: z.enum(["true", "false"]).default("true"),
    /** Set by `npm start`: Next leaves SIGTERM/SIGINT to us, so we can close the database first. */
    NEXT_MANUAL_SIG_HANDLE: z
      .string()
      .optional()
      .transform((v) => v === "1" || v === "true"),
  })
  .superRefine((e, ctx) => {
    const oidc = {
      LODESTONE_OIDC_ISSUER: e.LODESTONE_OIDC_ISSUER,
      LODESTONE_OIDC_CLIENT_ID: e.LODESTONE_OIDC_CLIENT_ID,
      LODESTONE_OIDC_CLIENT_SECRET: e.LODESTONE_OIDC_CLIENT_SECRET,
    };
    const set = Object.values(oidc).filter(Boolean).length;
    if (set > 0 && set < 3)
      for (const [key, value] of Object.entries(oidc))
        if (!value)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required for single sign-on (set LODESTONE_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET together)",
          });
    if (set === 0 && e.LODESTONE_PASSWORD_SIGN_IN === "false")
      ctx.addIssue({
        code: "custom",
        path: ["LODESTONE_PASSWORD_SIGN_IN"],
        message: "can be false only with single sign-on configured (LODESTONE_OIDC_ISSUER …): nobody could sign in",
      });
    if (set === 0 && e.LODESTONE_OIDC_GROUP_MAP.length > 0)
      ctx.addIssue({ code: "custom", path: ["LODESTONE_OIDC_GROUP_MAP"], message: "needs single sign-on configured (LODESTONE_OIDC_ISSUER …)" });
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws EnvError with one line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration: ${lines.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; poolSize: number };

export function databaseTarget(e: Env = env()): DatabaseTarget {
  if (e.DATABASE_URL) return { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE };
  return { kind: "pglite", dataDir: path.resolve(e.LODESTONE_DATA_DIR) };
}

/** The file the bench's SQL capture appends to, when it is on. */
/** Where the app says it is served, for the start banner and origin checks. */
export function publicUrl(e: Env = env()): string {
  return (e.BETTER_AUTH_URL ?? `http://${e.HOSTNAME}:${e.PORT}`).replace(/\/$/, "");
}

/** Anonymous visitors may read the portfolio (the demo), or must sign in (production). */
export function publicReadAllowed(e: Env = env()): boolean {
  return e.LODESTONE_PUBLIC_READ ? e.LODESTONE_PUBLIC_READ === "true" : !e.DATABASE_URL;
}

/** The largest document upload accepted, in bytes. */
export function maxUploadBytes(e: Env = env()): number {
  return e.LODESTONE_MAX_UPLOAD_BYTES;
}

export interface OidcSettings {
  /** the provider id in Better Auth: the callback is /api/auth/callback/oidc */
  providerId: "oidc";
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  displayName: string;
  groupsClaim: string;
  groupMap: GroupGrant[];
  trustEmail: boolean;
}

/** Single sign-on's settings, or null when it is not configured. */
export function oidcSettings(e: Env = env()): OidcSettings | null {
  if (!e.LODESTONE_OIDC_ISSUER || !e.LODESTONE_OIDC_CLIENT_ID || !e.LODESTONE_OIDC_CLIENT_SECRET) return null;
  return {
    providerId: "oidc",
    issuer: e.LODESTONE_OIDC_ISSUER,
    clientId: e.LODESTONE_OIDC_CLIENT_ID,
    clientSecret: e.LODESTONE_OIDC_CLIENT_SECRET,
    scopes: e.LODESTONE_OIDC_SCOPES,
    displayName: e.LODESTONE_OIDC_DISPLAY_NAME,
    groupsClaim: e.LODESTONE_OIDC_GROUPS_CLAIM,
    groupMap: e.LODESTONE_OIDC_GROUP_MAP,
    trustEmail: e.LODESTONE_OIDC_TRUST_EMAIL === "true",
  };
}

/** E-mail and password sign-in is on unless turned off (which needs single sign-on: checked in the schema). */
export function passwordSignInEnabled(e: Env = env()): boolean {
  return e.LODESTONE_PASSWORD_SIGN_IN !== "false";
}

export function demoUsersEnabled(e: Env = env()): boolean {
  if (e.DATABASE_URL) return false; // never on a production database
  return e.LODESTONE_DEMO_USERS !== "false";
}
