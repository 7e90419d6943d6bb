"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { encodeMessages } from "@/lib/i18n/format-message";
import { getViewer } from "../auth/session";
import type { MutationResult } from "../server/mutation";
import { clearReportingRule, setReportingRule } from "./reporting-rule-mutations";

/** The reporting rules page's plain forms: run the audited mutation, come back with the outcome in the URL. */
const PAGE = "/admin/reporting";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

async function finish(result: MutationResult<unknown>): Promise<never> {
  if (result.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?done=1`);
  }
  // By key, so the page words it in the reader's language (lib/i18n/format-message.ts).
  redirect(`${PAGE}?error=${encodeURIComponent(encodeMessages([result.error.message, ...Object.values(result.error.fields ?? {})]))}`);
}

export async function setRuleAction(form: FormData): Promise<void> {
  await finish(
    await setReportingRule({
      viewer: await getViewer(),
      input: {
        unit: text(form, "unit"),
        dueDay: text(form, "dueDay"),
        remindDaysBefore: text(form, "remindDaysBefore"),
        pmoGraceDays: text(form, "pmoGraceDays"),
        groupGraceDays: text(form, "groupGraceDays"),
        version: text(form, "version") || "0",
        reason: text(form, "reason"),
      },
    }),
  );
}

export async function clearRuleAction(form: FormData): Promise<void> {
  await finish(
    await clearReportingRule({ viewer: await getViewer(), input: { unit: text(form, "unit"), version: text(form, "version"), reason: text(form, "reason") } }),
  );
}
