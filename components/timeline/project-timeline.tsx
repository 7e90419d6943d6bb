import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/dashboard/print-button";
import { HealthShape } from "@/components/dashboard/health-shape";
import { FilterChips } from "@/components/projects/filter-chips";
import { projectsHref, TIMELINE_PATH } from "@/components/projects/project-list-url";
import { formatFuzzyDate } from "@/lib/dates/fuzzy-date";
import { countryNamer } from "@/lib/i18n/display-names";
import type { ProjectListParams } from "@/lib/projects/list-params";
import { unitNamer } from "@/lib/org/unit-options";
import type { UnitOption } from "@/lib/projects/types";
import { timelineScale, ZOOMS, type Zoom } from "@/lib/projects/timeline-scale";
import type { TimelineProject } from "@/lib/projects/timeline-types";
import { TimelineRow } from "./timeline-row";
import "./timeline.css";
import { IgnoredParams } from "@/components/ui/ignored-params";

const LEGEND = [
  { className: "tl-bar tl-baseline", key: "baseline" },
  { className: "tl-bar tl-forecast", key: "forecast" },
  { className: "tl-bar tl-actual", key: "actual" },
  { className: "tl-ms tl-ms-planned", key: "milestone" },
  { className: "tl-ms tl-ms-achieved", key: "achieved" },
  { className: "tl-ms tl-ms-baseline", key: "milestoneBaseline" },
] as const;

interface ProjectTimelineProps {
  params: ProjectListParams;
  ignored: string[];
  rows: TimelineProject[];
  total: number;
  zoom: Zoom;
  today: string;
  /** the organization units of the reader's scope (the organization chip's names) */
  units: UnitOption[];
}

/**
 * A Gantt-style chart: one row per project (the table's page), its baseline,
 * forecast and actual bars and its milestones, against quarters or years, with
 * a line at today. A table underneath the drawing: the project names are row
 * headers, each row says its dates in words, and every milestone marker takes
 * the keyboard focus and names itself.
 */
export async function ProjectTimeline({ params, ignored, rows, total, zoom, today, units }: ProjectTimelineProps) {
  const t = await getTranslations("timeline");
  const tHealth = await getTranslations("enums.health");
  const locale = await getLocale();
  const countryName = countryNamer(locale);
  const todayDate = new Date(`${today}T00:00:00Z`);
  const scale = timelineScale(rows, zoom, todayDate);
  const fmt = (f: Parameters<typeof formatFuzzyDate>[0]) => formatFuzzyDate(f, locale);
  const keep = { ...params };
  const here = (next: Partial<ProjectListParams>, z: Zoom = zoom) => {
    const href = projectsHref({ ...keep, ...next }, TIMELINE_PATH);
    return z === "year" ? href : `${href}${href.includes("?") ? "&" : "?"}zoom=${z}`;
  };
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const first = total === 0 ? 0 : (params.page - 1) * params.pageSize + 1;
  const last = Math.min(total, params.page * params.pageSize);
  const todayLeft = scale.at(todayDate);

  return (
    <div className="space-y-4 timeline-page">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <Link href={projectsHref(keep)} className="btn-secondary h-9 px-3">
            {t("showTable")}
          </Link>
          <nav aria-label={t("zoomLabel")} className="flex gap-1">
            {ZOOMS.map((z) => (
              <Link
                key={z}
                href={here({}, z)}
                aria-current={z === zoom ? "true" : undefined}
                className={`btn-secondary h-9 px-3 ${z === zoom ? "tl-zoom-current" : ""}`}
              >
                {t(`zoom.${z}`)}
              </Link>
            ))}
          </nav>
          <PrintButton />
        </div>
      </div>

      <IgnoredParams ignored={ignored} message={(params) => t("ignoredParams", { params })} />
      <FilterChips params={params} countryName={(code) => countryName(code) ?? code} unitName={unitNamer(units, locale)} path={TIMELINE_PATH} />

      <p role="status" className="text-sm text-slate-700">
        {total === 0 ? t("empty") : t("showing", { first, last, total })}
      </p>

      <ul className="tl-legend" aria-label={t("legendLabel")}>
        {LEGEND.map(({ className, key }) => (
          <li key={key}>
            <span className={className} aria-hidden="true" /> {t(`legend.${key}`)}
          </li>
        ))}
        <li>
          <span className="tl-today-key" aria-hidden="true" /> {t("legend.today", { date: fmt({ date: today, precision: "DAY" }) })}
        </li>
      </ul>

      {rows.length > 0 && (
        // The chart is wider than the page: the region scrolls sideways and takes the focus for the arrow keys.
        <div className="tl-scroll" role="region" aria-label={t("scrollLabel")} tabIndex={0}>
          <table className="tl-table" style={{ ["--tl-width" as string]: `${scale.width}px` }}>
            <caption className="sr-only">{t("caption", { zoom: t(`zoom.${zoom}`) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="tl-name-col">
                  {t("project")}
                </th>
                <th scope="col" className="tl-axis-col">
                  <span className="sr-only">{t("timeAxis")}</span>
                  <div className="tl-axis" aria-hidden="true">
                    {scale.ticks.map((tick) => (
                      <span key={tick.start} className="tl-tick" style={{ left: `${tick.left}%`, width: `${tick.width}%` }}>
                        {tick.kind === "quarter" ? t("tickQuarter", { quarter: tick.quarter!, year: tick.year }) : tick.year}
                      </span>
                    ))}
                    <span className={`tl-today-label ${todayLeft < 8 ? "tl-at-start" : todayLeft > 92 ? "tl-at-end" : ""}`} style={{ left: `${todayLeft}%` }}>
                      {t("today")}
                    </span>
                  </div>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <TimelineRow
                  key={p.slug}
                  project={p}
                  scale={scale}
                  todayLeft={todayLeft}
                  healthLabel={tHealth(p.health)}
                  healthShape={<HealthShape health={p.health} />}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label={t("pagination")} className="flex items-center gap-3 text-sm print:hidden">
          {params.page > 1 ? (
            <Link href={here({ page: params.page - 1 })} className="link" rel="prev">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("page", { page: params.page, pages })}</span>
          {params.page < pages ? (
            <Link href={here({ page: params.page + 1 })} className="link" rel="next">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      )}
    </div>
  );
}
