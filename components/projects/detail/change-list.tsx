import { useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { isMilestoneAdded } from "@/lib/history/milestone-added";
import type { FieldChangeView } from "@/lib/projects/types";
import { ChangeLine } from "./change-line";

/**
 * A history entry's changes: each field as "before → after", or, for a
 * milestone just added, one line "Added milestone …" that opens to the
 * values it was added with. Used by the project's history and the
 * dashboard's "What changed".
 */
export function ChangeList({
  changes,
  milestone,
  className,
  limit,
  more,
}: {
  changes: FieldChangeView[];
  milestone: { en: string | null; zh: string | null };
  className: string;
  /** show at most this many field lines (the dashboard's short list) */
  limit?: number;
  more?: (count: number) => string;
}) {
  const t = useTranslations("uxReview.history");
  if (isMilestoneAdded(changes)) {
    const title =
      milestone.en || milestone.zh
        ? milestone
        : { en: changes.find((c) => c.field === "milestone.title")?.after ?? "", zh: changes.find((c) => c.field === "milestone.titleZh")?.after ?? null };
    return (
      <details className={className}>
        <summary className="cursor-pointer">{t.rich("milestoneAdded", { m: () => <LocalizedText value={title} /> })}</summary>
        <ul className="mt-1 space-y-0.5 pl-4">
          {changes.map((change, i) => (
            <ChangeLine key={`${change.field}-${i}`} change={change} valueOnly />
          ))}
        </ul>
      </details>
    );
  }
  const shown = limit === undefined ? changes : changes.slice(0, limit);
  return (
    <ul className={className}>
      {shown.map((change, i) => (
        <ChangeLine key={`${change.field}-${i}`} change={change} />
      ))}
      {more && changes.length > shown.length && <li className="text-slate-600">{more(changes.length - shown.length)}</li>}
    </ul>
  );
}
