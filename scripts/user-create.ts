/**
 * npm run user:create -- --email ada@example.com --name "Ada Lovelace" --role admin [--password …]
 * Creates a user (e.g. the first admin of a production database). Without
 * --password, a strong one is generated and printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ROLES } from "../lib/auth/permissions";
import { createUserWithPassword } from "../lib/auth/users";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { AppError } from "../lib/errors";
import { runCli } from "./cli";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } } });
  const { email, role } = values;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !role || !(ROLES as readonly string[]).includes(role)) {
    console.error(`usage: npm run user:create -- --email EMAIL --role ${ROLES.join("|")} [--name NAME] [--password PASSWORD]`);
    return 2;
  }
  const password = values.password ?? randomBytes(15).toString("base64url");
  if (password.length < 10) {
    console.error("error: the password must have at least 10 characters");
    return 2;
  }
  try {
    await createUserWithPassword((await getDatabase()).prisma, {
      email,
      name: values.name ?? email.split("@")[0],
      role: role as (typeof ROLES)[number],
      password,
    });
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  console.log(`Created ${role} ${email}${values.password ? "" : ` with password: ${password}`}`);
  return 0;
}

runCli(main, closeDatabase);
