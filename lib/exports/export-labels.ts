import "server-only";
import { getLocale, getMessages } from "next-intl/server";
import { localizedExportLabels } from "./localized-labels";
import type { ExportLabels } from "./export-columns";

/** The table's own display text for an export, in the request's language (the user's setting, else cookie, else browser). */
export async function getExportLabels(): Promise<ExportLabels> {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return localizedExportLabels(locale, messages);
}
