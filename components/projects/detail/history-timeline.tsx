import { useTranslations } from "next-intl";
import type { HistoryEntry } from "@/lib/projects/types";
import { HistoryEntryView } from "./history-entry";
import { historyGroups } from "./history-groups";
import { HistoryList } from "./history-list";
import { DetailSection } from "./section";

/** Every change to the project, newest first, with who made it, when, why and where it came from; filterable by field. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const t = useTranslations("projectDetail.history");
  return (
    <DetailSection id="history-heading" title={t("title")}>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <HistoryList items={history.map((entry) => ({ id: entry.id, groups: historyGroups(entry), content: <HistoryEntryView entry={entry} /> }))} />
      )}
    </DetailSection>
  );
}
