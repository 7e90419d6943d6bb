import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { projectsHref } from "@/lib/dashboard/filters";
import { countryCentroid, mapSize, projectPoint, type MapView } from "@/lib/dashboard/geo/projections";
import { listPortfolioSites } from "@/lib/dashboard/sites";
import type { PortfolioSite } from "@/lib/dashboard/types";
import { countryNamer } from "@/lib/i18n/display-names";
import { HEALTHS } from "@/lib/projects/enums";
import { HealthShape } from "./health-shape";
import { HEALTH_SEVERITY } from "./health-style";
import { SiteMarker, type PlacedSite } from "./site-marker";

/**
 * Where the portfolio is: a world map and an inset zoomed on China. Each
 * marker is a link (one project) or a button opening a popover (several);
 * sites inside the inset's area are interactive in the inset only, and drawn
 * on the world map as plain dots, so every site is announced once.
 */
export async function PortfolioMap({ filters }: { filters: DashboardFilters }) {
  const [t, tHealth, locale, format] = await Promise.all([getTranslations("dashboard.map"), getTranslations("enums.health"), getLocale(), getFormatter()]);
  const countryName = countryNamer(locale);
  const { sites, unlocated, omittedSites } = await listPortfolioSites({ filters });
  const maxTotal = Math.max(1, ...sites.map((s) => s.total));
  // A country's projects may be split between its centroid and sites placed by coordinates;
  // the projects table's country filter shows them all.
  const countryTotals = new Map<string, number>();
  for (const s of sites) if (s.countryCode) countryTotals.set(s.countryCode, (countryTotals.get(s.countryCode) ?? 0) + s.total);

  const world: PlacedSite[] = [];
  const china: PlacedSite[] = [];
  const unplaced: PortfolioSite[] = [];
  for (const site of sites) {
    const point =
      site.latitude !== null && site.longitude !== null
        ? { longitude: site.longitude, latitude: site.latitude }
        : site.countryCode
          ? countryCentroid(site.countryCode)
          : null;
    const onWorld = point && projectPoint("world", point.longitude, point.latitude);
    if (!point || !onWorld) {
      unplaced.push(site);
      continue;
    }
    const onInset = projectPoint("china", point.longitude, point.latitude);
    const place = site.countryCode
      ? (countryName(site.countryCode) ?? site.countryCode)
      : t("coordinates", {
          latitude: format.number(point.latitude, { maximumFractionDigits: 1 }),
          longitude: format.number(point.longitude, { maximumFractionDigits: 1 }),
        });
    const breakdown = HEALTH_SEVERITY.filter((h) => site.health[h] > 0)
      .map((h) => t("healthCount", { count: site.health[h], health: tHealth(h).toLowerCase() }))
      .join(", ");
    const single = site.total === 1 && site.projects.length === 1 ? site.projects[0] : null;
    const base = {
      site,
      place,
      label: single
        ? t("siteLabel", { project: single.name, place, health: tHealth(single.health) })
        : t("groupLabel", { place, count: site.total, breakdown }),
      tooltip: single ? `${single.name} · ${tHealth(single.health)}` : t("groupTooltip", { place, count: site.total }),
      size: single ? 0 : Math.round(24 + 20 * Math.sqrt(site.total / maxTotal)),
      countryTotal: site.countryCode ? (countryTotals.get(site.countryCode) ?? site.total) : 0,
      countryHref: site.countryCode ? projectsHref(filters, { country: [site.countryCode] }) : null,
      // Per-health links only where the table's country filter shows exactly this site's projects.
      healthHrefs: Object.fromEntries(
        HEALTHS.map((h) => [
          h,
          site.countryCode && countryTotals.get(site.countryCode) === site.total ? projectsHref(filters, { country: [site.countryCode], health: [h] }) : null,
        ]),
      ),
    };
    if (onInset) {
      china.push({ ...base, ...onInset, interactive: true });
      world.push({ ...base, ...onWorld, interactive: false });
    } else {
      world.push({ ...base, ...onWorld, interactive: true });
    }
  }

  const notOnMap = unlocated.total + unplaced.reduce((n, s) => n + s.total, 0);

  return (
    <div className="space-y-4">
      <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:gap-2">
        <MapFigure view="world" caption={t("worldCaption")} sites={world} describedBy="map-legend" />
        <MapFigure view="china" caption={t("chinaCaption")} sites={china} describedBy="map-legend" />
      </div>
      <MapLegend />
      {omittedSites > 0 && <p className="text-sm text-slate-700">{t("omittedSites", { count: omittedSites })}</p>}
      {notOnMap > 0 && (
        <section aria-labelledby="map-no-location" className="text-sm">
          <h3 id="map-no-location" className="font-semibold text-slate-800">
            {t("noLocation", { count: notOnMap })}
          </h3>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {unlocated.projects.map((p) => (
              <li key={p.slug} className="flex items-center gap-1.5">
                <HealthShape health={p.health} />
                <Link
                  href={`/projects/${encodeURIComponent(p.slug)}`}
                  className="link"
                  aria-label={t("projectLabel", { project: p.name, health: tHealth(p.health) })}
                >
                  {p.name}
                </Link>
              </li>
            ))}
            {unplaced.map((s) => (
              <li key={s.key}>
                <Link href={projectsHref(filters, { country: s.countryCode ? [s.countryCode] : [] })} className="link">
                  {t("unplacedCountry", { place: s.countryCode ? (countryName(s.countryCode) ?? s.countryCode) : "?", count: s.total })}
                </Link>
              </li>
            ))}
            {unlocated.total > unlocated.projects.length && (
              <li className="text-slate-700">{t("andMore", { count: unlocated.total - unlocated.projects.length })}</li>
            )}
          </ul>
        </section>
      )}
    </div>
  );
}

function MapFigure({ view, caption, sites, describedBy }: { view: MapView; caption: string; sites: PlacedSite[]; describedBy: string }) {
  const { width, height } = mapSize(view);
  // Larger markers first, so smaller ones stay on top and clickable.
  const ordered = [...sites].sort((a, b) => b.site.total - a.site.total);
  return (
    <figure className="min-w-0">
      <div className="relative overflow-visible rounded-md border border-slate-200" style={{ aspectRatio: `${width} / ${height}` }}>
        {/* The geography is a static, cached image; the markers laid over it carry the information. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/dashboard/map/${view}.svg`} alt="" width={width} height={height} className="absolute inset-0 h-full w-full rounded-md" />
        <ul aria-describedby={describedBy} aria-label={caption} className="absolute inset-0">
          {ordered.map((s) => (
            <SiteMarker key={`${view}-${s.site.key}`} view={view} placed={s} />
          ))}
        </ul>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600">{caption}</figcaption>
    </figure>
  );
}

async function MapLegend() {
  const [t, tHealth] = await Promise.all([getTranslations("dashboard.map"), getTranslations("enums.health")]);
  return (
    <div id="map-legend" className="flex flex-wrap items-center gap-x-5 gap-y-1 text-xs text-slate-700">
      <span className="font-medium">{t("legend")}</span>
      {HEALTH_SEVERITY.map((h) => (
        <span key={h} className="flex items-center gap-1.5">
          <HealthShape health={h} />
          {tHealth(h)}
        </span>
      ))}
      <span>{t("legendGroups")}</span>
    </div>
  );
}
