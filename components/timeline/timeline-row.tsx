import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFuzzyDate, slipDays } from "@/lib/dates/fuzzy-date";
import type { TimelineScale } from "@/lib/projects/timeline-scale";
import type { TimelineMilestone, TimelineProject } from "@/lib/projects/timeline-types";
import type { FuzzyDate } from "@/lib/projects/types";
import { LocalizedText } from "@/components/ui/localized-text";
import { localizedString } from "@/lib/i18n/bilingual";
import type { AppLocale } from "@/lib/i18n/config";

interface TimelineRowProps {
  project: TimelineProject;
  scale: TimelineScale;
  todayLeft: number;
  healthLabel: string;
  healthShape: ReactNode;
}

type Bar = { kind: "baseline" | "forecast" | "actual"; from: FuzzyDate; to: FuzzyDate };

/** One project's row: its bars (baseline, forecast, actual), its milestones, and the same in words. */
export async function TimelineRow({ project: p, scale, todayLeft, healthLabel, healthShape }: TimelineRowProps) {
  const t = await getTranslations("timeline");
  const locale = await getLocale();
  const fmt = (f: FuzzyDate) => formatFuzzyDate(f, locale);
  const names = { en: p.nameEn, zh: p.nameZh };
  const name = localizedString(names, locale);

  // A bar runs from the planned start to a finish; without a start, the finish's period alone.
  const bar = (kind: Bar["kind"], finish: FuzzyDate | null): Bar | null => (finish ? { kind, from: p.start ?? finish, to: finish } : null);
  const bars = [bar("baseline", p.baselineFinish), bar("forecast", p.forecastFinish), bar("actual", p.actualFinish)].filter((b): b is Bar => b !== null);

  const words: string[] = [];
  if (p.start) words.push(t("words.start", { date: fmt(p.start) }));
  if (p.baselineFinish) words.push(t("words.baseline", { date: fmt(p.baselineFinish) }));
  if (p.forecastFinish) {
    const slip = slipDays(p.baselineFinish, p.forecastFinish);
    words.push(slip && slip > 0 ? t("words.forecastLate", { date: fmt(p.forecastFinish), days: slip }) : t("words.forecast", { date: fmt(p.forecastFinish) }));
  }
  if (p.actualFinish) words.push(t("words.actual", { date: fmt(p.actualFinish) }));
  if (!words.length) words.push(t("words.noDates"));

  const shown = p.milestones.filter((m) => m.state !== "CANCELLED" && (m.actual ?? m.forecast ?? m.baseline));

  return (
    <tr>
      <th scope="row" className="tl-name-col">
        <span className="flex items-center gap-1.5">
          {healthShape}
          <Link href={`/projects/${encodeURIComponent(p.slug)}`} className="link" aria-label={t("projectLabel", { project: name, health: healthLabel })}>
            <LocalizedText value={names} />
          </Link>
        </span>
      </th>
      <td className="tl-axis-col">
        <div className="tl-lane">
          <span className="tl-today" style={{ left: `${todayLeft}%` }} aria-hidden="true" />
          {bars.map((b) => {
            const { left, width } = scale.span(b.from, b.to);
            return (
              <span
                key={b.kind}
                className={`tl-bar tl-${b.kind}`}
                style={{ left: `${left}%`, width: `max(${width}%, 3px)` }}
                aria-hidden="true"
                title={`${t(`legend.${b.kind}`)}: ${fmt(b.from)} – ${fmt(b.to)}`}
              />
            );
          })}
          {shown.map((m) => (
            <MilestoneMarks key={m.id} milestone={m} scale={scale} label={milestoneLabel(m, t, fmt, locale)} />
          ))}
        </div>
        <p className="sr-only">{words.join(" ")}</p>
      </td>
    </tr>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"timeline">>>;

function milestoneLabel(m: TimelineMilestone, t: T, fmt: (f: FuzzyDate) => string, locale: AppLocale): string {
  const parts: string[] = [];
  if (m.baseline) parts.push(t("ms.baseline", { date: fmt(m.baseline) }));
  if (m.forecast && !m.actual) parts.push(t("ms.forecast", { date: fmt(m.forecast) }));
  if (m.actual) parts.push(t("ms.actual", { date: fmt(m.actual) }));
  if (m.slipDays && m.slipDays > 0) parts.push(t("ms.late", { days: m.slipDays }));
  return t("ms.label", { title: localizedString({ en: m.title, zh: m.titleZh }, locale), dates: parts.join(t("ms.separator")) });
}

/** The milestone where it is (actual, else forecast, else baseline), and a hollow mark at its baseline when that differs. */
function MilestoneMarks({ milestone: m, scale, label }: { milestone: TimelineMilestone; scale: TimelineScale; label: string }) {
  const at = (m.actual ?? m.forecast ?? m.baseline)!;
  const left = scale.at(new Date(`${at.date}T00:00:00Z`));
  const baselineLeft = m.baseline && m.baseline.date !== at.date ? scale.at(new Date(`${m.baseline.date}T00:00:00Z`)) : null;
  return (
    <>
      {baselineLeft !== null && <span className="tl-ms tl-ms-baseline" style={{ left: `${baselineLeft}%` }} aria-hidden="true" />}
      <span
        className={`tl-ms ${m.state === "ACHIEVED" ? "tl-ms-achieved" : "tl-ms-planned"}`}
        style={{ left: `${left}%` }}
        role="img"
        tabIndex={0}
        aria-label={label}
        data-tip={label}
      />
    </>
  );
}
