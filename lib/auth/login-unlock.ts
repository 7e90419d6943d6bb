import "server-only";
import { recordAudit } from "../audit/record-audit";
import { mutate, type MutationResult } from "../server/mutation";
import { unlockSignInSchema } from "./login-unlock.validation";
import type { Viewer } from "./session";

/**
 * Lets an account sign in again at once: its recorded failures, from every
 * source, are deleted (lib/auth/login-throttle.ts), with an audit entry.
 * Admins only (user:manage).
 */
export async function unlockSignIn(opts: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ email: string; cleared: number }>> {
  return mutate({
    name: "unlockSignIn",
    schema: unlockSignInSchema,
    input: opts.input,
    viewer: opts.viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      const { count } = await tx.loginFailure.deleteMany({ where: { email: input.email } });
      await recordAudit(tx, viewer, {
        action: "user.sign-in.unlock",
        entityType: "SignInThrottle",
        entityId: input.email,
        before: { failures: count },
        after: { failures: 0 },
      });
      return { email: input.email, cleared: count };
    },
  });
}
