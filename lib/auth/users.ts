import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { DEMO_LOGINS, DEMO_MANAGER_PROJECTS } from "./demo-users";
import { isRole, type Role } from "./permissions";

/**
 * Users are created here (the seed's demo users, `npm run user:create`, tests),
 * with Better Auth's own password hashing (scrypt), in the shape its
 * credential provider reads: a User plus an Account with providerId "credential".
 */
export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** code of the unit the role is held on; default: the group (the root) */
  unit?: string;
  password: string;
}

export async function createUserWithPassword(prisma: PrismaClient, user: NewUser): Promise<{ id: string }> {
  if (!isRole(user.role)) throw new AppError("BAD_REQUEST", { key: "unknownRole", params: { role: String(user.role) } });
  const email = user.email.trim().toLowerCase();
  const id = randomUUID();
  const unit = user.unit
    ? await prisma.orgUnit.findUnique({ where: { code: user.unit }, select: { id: true } })
    : await prisma.orgUnit.findFirst({ where: { parentId: null }, select: { id: true } });
  if (!unit) throw new AppError("BAD_REQUEST", { key: "unknownUnit", params: { code: user.unit ?? "(root)" } });
  const password = await hashPassword(user.password); // outside the transaction: ~170 ms of CPU
  try {
    await prisma.$transaction([
      // user.role stays empty: what a user may do comes from role assignments only.
      prisma.user.create({ data: { id, email, name: user.name, emailVerified: true } }),
      prisma.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password } }),
      prisma.roleAssignment.create({ data: { userId: id, unitId: unit.id, role: user.role } }),
    ]);
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("CONFLICT", { key: "userEmailTaken", params: { email } });
    throw err;
  }
  return { id };
}

/** One user per role for the embedded demo (lib/auth/demo-users.ts); their passwords are printed at `npm start`. */
export const DEMO_USERS: NewUser[] = Object.values(DEMO_LOGINS);

/** Creates the demo users that do not exist yet; returns those it created. */
export async function ensureDemoUsers(prisma: PrismaClient): Promise<NewUser[]> {
  const existing = new Set((await prisma.user.findMany({ select: { email: true } })).map((u) => u.email));
  const created: NewUser[] = [];
  for (const u of DEMO_USERS) {
    if (existing.has(u.email)) continue;
    const { id } = await createUserWithPassword(prisma, u);
    created.push(u);
    if (u.role === "manager") {
      const projects = await prisma.project.findMany({ where: { slug: { in: DEMO_MANAGER_PROJECTS } }, select: { id: true } });
      await prisma.projectManager.createMany({ data: projects.map((p) => ({ projectId: p.id, userId: id })), skipDuplicates: true });
    }
  }
  return created;
}
