"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { closePeriod } from "./period-close";

/** Thin: closePeriod validates, authorizes, writes and audits; this adds the session's viewer and refreshes the packs. */
export async function closePeriodAction(periodId: string) {
  const r = await closePeriod({ viewer: await getViewer(), input: { periodId } });
  if (r.ok) revalidatePath("/reports", "layout");
  return r;
}
