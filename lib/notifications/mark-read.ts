import "server-only";
import type { Viewer } from "../auth/session";
import { mutate, type MutationResult } from "../server/mutation";
import { markReadSchema } from "./notification.validation";

/** Marks one of the viewer's notifications (or all of them) read; another user's id is simply not found. */
export function markNotificationsRead({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ marked: number }>> {
  return mutate({
    name: "markNotificationsRead",
    schema: markReadSchema,
    input,
    viewer,
    permission: "notification:read",
    run: async ({ tx, viewer, input }) => {
      const r = await tx.notification.updateMany({
        where: { userId: viewer.id, readAt: null, ...("id" in input ? { id: input.id } : {}) },
        data: { readAt: new Date() },
      });
      return { marked: r.count };
    },
  });
}
