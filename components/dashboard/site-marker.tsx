import Link from "next/link";
import type { CSSProperties } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { MapView } from "@/lib/dashboard/geo/projections";
import type { PortfolioSite } from "@/lib/dashboard/types";
import type { Health } from "@/lib/projects/enums";
import { HealthShape } from "./health-shape";
import { HEALTH_COLOR, HEALTH_SEVERITY } from "./health-style";

/** A site placed on a map view: position in percent of the view, with its texts and links. */
export interface PlacedSite {
  site: PortfolioSite;
  x: number;
  y: number;
  place: string;
  /** The marker's accessible name. */
  label: string;
  tooltip: string;
  /** Diameter in px for a group; 0 for a single project (drawn as its health shape). */
  size: number;
  /** Drawn here but operated on the other view (the inset): a plain dot, hidden from assistive technology. */
  interactive: boolean;
  /** The projects table for the site's country, and how many projects it shows there (this site's and any others'). */
  countryHref: string | null;
  countryTotal: number;
  healthHrefs: Record<string, string | null>;
}

/**
 * One marker. A single project is a link to it; several are a button that
 * opens a popover (the native popover: keyboard and Escape work without
 * JavaScript) with the health breakdown, each a link into the projects table,
 * and the projects themselves when there are few.
 */
export function SiteMarker({ view, placed }: { view: MapView; placed: PlacedSite }) {
  const { site, x, y, size } = placed;
  const position: CSSProperties = { left: `${x}%`, top: `${y}%` };
  const single = site.total === 1 && site.projects.length === 1 ? site.projects[0] : null;
  const visual = single ? <HealthShape health={single.health} size={14} /> : <GroupDisc health={site.health} total={site.total} size={size} />;

  if (!placed.interactive)
    return (
      <li aria-hidden="true" className="pointer-events-none absolute -translate-x-1/2 -translate-y-1/2 opacity-70" style={position}>
        {visual}
      </li>
    );

  const tooltip = (
    <span
      aria-hidden="true"
      className="pointer-events-none absolute bottom-full left-1/2 z-20 mb-1 hidden -translate-x-1/2 rounded bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow group-hover:block group-focus-visible:block print:hidden"
    >
      {placed.tooltip}
    </span>
  );
  const item = "absolute z-10 -translate-x-1/2 -translate-y-1/2 focus-within:z-30 hover:z-30";
  // At least 24 × 24 px to hit, whatever the drawing's size.
  const target = "group relative flex min-h-6 min-w-6 items-center justify-center rounded-full";

  if (single)
    return (
      <li className={item} style={position}>
        <Link href={`/projects/${encodeURIComponent(single.slug)}`} aria-label={placed.label} className={target} data-site={site.key}>
          {visual}
          {tooltip}
        </Link>
      </li>
    );

  const id = `site-${view}-${site.key.replace(/[^A-Za-z0-9-]/g, "_")}`;
  return (
    <li className={item} style={position}>
      <button
        type="button"
        popoverTarget={id}
        aria-label={placed.label}
        className={`${target} cursor-pointer`}
        style={{ anchorName: `--${id}` } as CSSProperties}
        data-site={site.key}
      >
        {visual}
        {tooltip}
      </button>
      <SitePopover id={id} placed={placed} />
    </li>
  );
}

function SitePopover({ id, placed }: { id: string; placed: PlacedSite }) {
  const t = useTranslations("dashboard.map");
  const tHealth = useTranslations("enums.health");
  const { site } = placed;
  return (
    <div
      id={id}
      popover="auto"
      role="dialog"
      aria-labelledby={`${id}-title`}
      className="site-popover w-72 rounded-lg border border-slate-300 bg-white p-3 text-left text-sm text-slate-900 shadow-lg"
      style={{ positionAnchor: `--${id}` } as CSSProperties}
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {placed.place}
      </h3>
      <p className="text-slate-700">{t("projectCount", { count: site.total })}</p>
      <ul className="mt-2 space-y-1">
        {HEALTH_SEVERITY.filter((h) => site.health[h] > 0).map((h) => {
          const href = placed.healthHrefs[h];
          const text = t("healthCount", { count: site.health[h], health: tHealth(h).toLowerCase() });
          return (
            <li key={h} className="flex items-center gap-2">
              <HealthShape health={h} />
              {href ? (
                <Link href={href} className="link">
                  {text}
                </Link>
              ) : (
                <span>{text}</span>
              )}
            </li>
          );
        })}
      </ul>
      {site.projects.length > 0 && (
        <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto border-t border-slate-200 pt-2">
          {site.projects.map((p) => (
            <li key={p.slug} className="flex items-start gap-2">
              <HealthShape health={p.health} className="mt-1 shrink-0" />
              <Link
                href={`/projects/${encodeURIComponent(p.slug)}`}
                className="link"
                aria-label={t("projectLabel", { project: p.name, health: tHealth(p.health) })}
              >
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {placed.countryHref && (
        <p className="mt-2 border-t border-slate-200 pt-2">
          <Link href={placed.countryHref} className="link">
            {t("viewAll", { count: placed.countryTotal, place: placed.place })}
          </Link>
        </p>
      )}
    </div>
  );
}

/** A disc sized by the number of projects, ringed by their shares of each health, with the count. */
function GroupDisc({ health, total, size }: { health: Record<Health, number>; total: number; size: number }) {
  const format = useFormatter();
  const present = HEALTH_SEVERITY.filter((h) => health[h] > 0);
  const shares = present.map((h) => (health[h] / total) * 100);
  const segments = present.map((h, i) => ({ h, share: shares[i], offset: shares.slice(0, i).reduce((a, b) => a + b, 0) }));
  const r = 15;
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 40 40" className="drop-shadow-sm">
      <circle cx="20" cy="20" r="19" fill="#fff" />
      {segments.map((s) => (
        <circle
          key={s.h}
          cx="20"
          cy="20"
          r={r}
          fill="none"
          stroke={HEALTH_COLOR[s.h]}
          strokeWidth="7"
          pathLength={100}
          strokeDasharray={`${s.share} ${100 - s.share}`}
          strokeDashoffset={-s.offset}
          transform="rotate(-90 20 20)"
        />
      ))}
      <text x="20" y="20" textAnchor="middle" dominantBaseline="central" fontSize={total >= 1000 ? 9 : 11} fontWeight="600" fill="#0f172a">
        {format.number(total, { notation: "compact", maximumFractionDigits: 1 })}
      </text>
    </svg>
  );
}
