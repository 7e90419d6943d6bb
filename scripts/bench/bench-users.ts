/**
 * Creates the bench's two users when missing: a reader (staff) whose session
 * the read cases send, and an admin who makes the status updates. Run by the
 * bench against the database the environment selects.
 */
import { createUserWithPassword } from "../../lib/auth/users";
import { closeDatabase, getDatabase } from "../../lib/db/client";
import { runCli } from "../cli";
import { BENCH_USERS } from "./session";

async function main(): Promise<number> {
  const { prisma } = await getDatabase();
  for (const user of Object.values(BENCH_USERS)) {
    if (await prisma.user.findUnique({ where: { email: user.email } })) continue;
    await createUserWithPassword(prisma, user);
    console.log(`Created the bench ${user.role} ${user.email}`);
  }
  return 0;
}

runCli(main, closeDatabase);
