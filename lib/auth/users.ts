import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
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
  password: string;
}

export async function createUserWithPassword(prisma: PrismaClient, user: NewUser): Promise<{ id: string }> {
  if (!isRole(user.role)) throw new AppError("BAD_REQUEST", `Unknown role "${user.role}".`);
  const email = user.email.trim().toLowerCase();
  const id = randomUUID();
  const password = await hashPassword(user.password); // outside the transaction: ~170 ms of CPU
  try {
    await prisma.$transaction([
      prisma.user.create({ data: { id, email, name: user.name, role: user.role, emailVerified: true } }),
      prisma.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password } }),
    ]);
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new AppError("CONFLICT", `A user with email ${email} already exists.`);
    throw err;
  }
  return { id };
}

/** One user per role for the embedded demo; their passwords are printed at `npm start`. */
export const DEMO_USERS: NewUser[] = [
  { email: "admin@lodestone.local", name: "Ada Admin", role: "admin", password: "lodestone-admin" },
  { email: "manager@lodestone.local", name: "Mei Manager", role: "manager", password: "lodestone-manager" },
  { email: "executive@lodestone.local", name: "Eli Executive", role: "executive", password: "lodestone-executive" },
  { email: "staff@lodestone.local", name: "Sam Staff", role: "staff", password: "lodestone-staff" },
  { email: "pmo@lodestone.local", name: "Pat PMO", role: "pmo", password: "lodestone-pmo" },
];

/** Projects the demo manager is assigned to (slugs of the Minmetals seed). */
export const DEMO_MANAGER_PROJECTS = ["kinsevere-copper-expansion", "khoemacau-copper-mine", "las-bambas-copper-mine", "chentaigou-iron-mine"];

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
