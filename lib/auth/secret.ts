import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { databaseTarget, env, EnvError } from "../env";

/**
 * The key that signs session cookies. Production (DATABASE_URL) must set
 * BETTER_AUTH_SECRET, shared by every instance. The embedded demo makes one on
 * first run and keeps it beside its data folder, so sessions survive restarts.
 */
export function authSecret(): string {
  const e = env();
  if (e.BETTER_AUTH_SECRET) return e.BETTER_AUTH_SECRET;
  const target = databaseTarget(e);
  if (target.kind !== "pglite") throw new EnvError("BETTER_AUTH_SECRET: required with DATABASE_URL (generate one with: openssl rand -base64 32)");
  if (target.dataDir.startsWith("memory://")) return randomBytes(32).toString("base64");
  const file = `${target.dataDir}.secret`;
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return fs.readFileSync(file, "utf8").trim();
  }
}
