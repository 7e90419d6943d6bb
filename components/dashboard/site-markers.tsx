"use client";

import Link from "next/link";
import { useId, useState, type CSSProperties } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useHydrated } from "@/components/ui/use-hydrated";
import { projectsHref, type DashboardFilters } from "@/lib/dashboard/filters";
import type { Health } from "@/lib/projects/enums";
import { FallbackTag } from "@/components/ui/localized-text";
import { CONTENT_LANG_TAG, type ContentLanguage } from "@/lib/i18n/config";
import { HealthShape } from "./health-shape";
import { HEALTH_COLOR, HEALTH_SEVERITY } from "./health-style";
import { ENUMERATION } from "@/lib/i18n/list-format";

/**
 * A site as the map sends it to the browser: compact, because a world map has
 * hundreds. Texts and links are made here from these numbers.
 */
export interface MapSite {
  key: string;
  /** Position in percent of the view's width and height. */
  x: number;
  y: number;
  /** Country (or coordinates) as the server names it: the browser's own country names could differ. */
  place: string;
  countryCode: string | null;
  /** True when every project of the country is at this site: the table's country filter then shows exactly these. */
  wholeCountry: boolean;
  /** Projects of the country in all (this site's and any others'). */
  countryTotal: number;
  total: number;
  /** Counts in HEALTH_SEVERITY order: off track, at risk, on track, not assessed. */
  counts: [number, number, number, number];
  /** The projects, when few enough to list; a site with one project is a link to it. */
  projects: { slug: string; name: string; health: Health; fallback?: ContentLanguage }[];
  /** Diameter of a group's disc, px. */
  size: number;
}

/**
 * The markers of one map view. A single project is a link to it; several are
 * a button opening the view's popover (the native popover: Escape and a click
 * outside close it, it sits above everything) with the health breakdown, each
 * a link into the projects table, and the projects when there are few. One
 * popover per view, filled for the site it was opened from: the page does not
 * carry hundreds of them.
 */
export function SiteMarkers({ sites, label, describedBy, filters }: { sites: MapSite[]; label: string; describedBy: string; filters: DashboardFilters }) {
  const t = useTranslations("dashboard.map");
  const tHealth = useTranslations("enums.health");
  const format = useFormatter();
  const hydrated = useHydrated();
  const popoverId = useId();
  const [open, setOpen] = useState<MapSite | null>(null);

  const healthText = (h: Health, count: number) => t("healthCount", { count, health: tHealth(h).toLowerCase() });
  const present = (s: MapSite) => HEALTH_SEVERITY.map((h, i) => ({ h, n: s.counts[i] })).filter((c) => c.n > 0);
  const anchor = (s: MapSite) => `--site-${s.key.replace(/[^A-Za-z0-9-]/g, "_")}`;

  return (
    <>
      <ul aria-label={label} aria-describedby={describedBy} className="absolute inset-0">
        {sites.map((s) => {
          const position: CSSProperties = { left: `${s.x}%`, top: `${s.y}%` };
          const single = s.total === 1 && s.projects.length === 1 ? s.projects[0] : null;
          const visual = single ? (
            <HealthShape health={single.health} size={14} />
          ) : (
            <GroupDisc site={s} text={format.number(s.total, { notation: "compact", maximumFractionDigits: 1 })} />
          );
          if (single)
            return (
              <li key={s.key} className="site" style={position}>
                <Link
                  href={`/projects/${encodeURIComponent(single.slug)}`}
                  aria-label={t("siteLabel", { project: single.name, place: s.place, health: tHealth(single.health) })}
                  className="site-target"
                  data-site={s.key}
                >
                  {visual}
                </Link>
              </li>
            );
          return (
            <li key={s.key} className="site" style={position}>
              <button
                type="button"
                popoverTarget={popoverId}
                popoverTargetAction="show"
                aria-label={t("groupLabel", {
                  place: s.place,
                  count: s.total,
                  breakdown: format.list(
                    present(s).map((c) => healthText(c.h, c.n)),
                    ENUMERATION,
                  ),
                })}
                // Until the page is interactive the popover has nothing to show.
                disabled={!hydrated}
                onClick={() => setOpen(s)}
                className="site-target"
                style={{ anchorName: anchor(s) }}
                data-site={s.key}
              >
                {visual}
              </button>
            </li>
          );
        })}
      </ul>
      <div
        id={popoverId}
        popover="auto"
        role="dialog"
        aria-labelledby={`${popoverId}-t`}
        className="site-popover"
        style={open ? { positionAnchor: anchor(open) } : undefined}
        onToggle={(event) => {
          if (event.newState === "closed") setOpen(null);
        }}
      >
        <h3 id={`${popoverId}-t`}>{open?.place}</h3>
        {open && (
          <>
            <p>{t("projectCount", { count: open.total })}</p>
            <ul>
              {present(open).map((c) => (
                <li key={c.h}>
                  <i className={`hs hs-${c.h}`} />
                  {open.wholeCountry && open.countryCode ? (
                    <Link href={projectsHref(filters, { country: [open.countryCode], health: [c.h] })} className="link">
                      {healthText(c.h, c.n)}
                    </Link>
                  ) : (
                    <span>{healthText(c.h, c.n)}</span>
                  )}
                </li>
              ))}
            </ul>
            {open.projects.length > 0 && (
              <ul className="site-projects">
                {open.projects.map((p) => (
                  <li key={p.slug}>
                    <i className={`hs hs-${p.health}`} />
                    <Link
                      href={`/projects/${encodeURIComponent(p.slug)}`}
                      className="link"
                      aria-label={t("projectLabel", { project: p.name, health: tHealth(p.health) })}
                      lang={p.fallback ? CONTENT_LANG_TAG[p.fallback] : undefined}
                    >
                      {p.name}
                    </Link>
                    {p.fallback && (
                      <>
                        {" "}
                        <FallbackTag language={p.fallback} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {open.countryCode && (
              <p className="site-all">
                <Link href={projectsHref(filters, { country: [open.countryCode] })} className="link">
                  {t("viewAll", { count: open.countryTotal, place: open.place })}
                </Link>
              </p>
            )}
          </>
        )}
      </div>
    </>
  );
}

/**
 * A disc sized by the number of projects, ringed by their shares of each
 * health (a conic gradient: one element), with the count in a white centre.
 */
function GroupDisc({ site, text }: { site: MapSite; text: string }) {
  const ends = site.counts.map((_, i) => (site.counts.slice(0, i + 1).reduce((a, b) => a + b, 0) / site.total) * 100);
  const stops = HEALTH_SEVERITY.map((h, i) => ({ h, from: i ? ends[i - 1] : 0, to: ends[i] }))
    .filter((s) => s.to > s.from)
    .map((s) => `${HEALTH_COLOR[s.h]} ${s.from.toFixed(1)}% ${s.to.toFixed(1)}%`);
  return (
    <span className="site-disc" style={{ width: site.size, height: site.size, background: `conic-gradient(${stops.join(",")})` }}>
      <span>{text}</span>
    </span>
  );
}
