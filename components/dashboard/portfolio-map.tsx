import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { projectsHref } from "@/lib/dashboard/filters";
import { countryCentroid, mapSize, projectPoint, type MapView } from "@/lib/dashboard/geo/projections";
import { atDataVersion } from "@/lib/dashboard/data-version";
import { chinaProvinceSeat } from "@/lib/dashboard/geo/china-provinces";
import { listPortfolioSites, SITE_LIST_MAX } from "@/lib/dashboard/sites";
import type { PortfolioSite } from "@/lib/dashboard/types";
import { countryNamer } from "@/lib/i18n/display-names";
import { LocalizedText } from "@/components/ui/localized-text";
import { localize, localizedString } from "@/lib/i18n/bilingual";
import type { AppLocale } from "@/lib/i18n/config";
import type { SiteProject } from "@/lib/dashboard/types";
import { HealthShape } from "./health-shape";
import { HEALTH_SEVERITY } from "./health-style";
import { SiteMarkers, type MapSite } from "./site-markers";

/**
 * Where the portfolio is: a world map and an inset zoomed on China, with a
 * marker per site (site-markers.tsx). The server places the sites (the
 * projections need the atlas) and names them; the browser gets them as compact
 * data. Sites inside the inset's area are operated there only, and drawn on
 * the world map as plain dots, so every site is announced once.
 */
export async function PortfolioMap({ filters }: { filters: DashboardFilters }) {
  const [t, tHealth, locale, format] = await Promise.all([getTranslations("dashboard.map"), getTranslations("enums.health"), getLocale(), getFormatter()]);
  const countryName = countryNamer(locale);
  const { sites, unlocated, omittedSites } = await atDataVersion("sites", filters, () => listPortfolioSites({ filters }));
  // A country's projects may be split between its centroid and sites placed by coordinates;
  // the projects table's country filter shows them all.
  const countryTotals = new Map<string, number>();
  for (const s of sites) if (s.countryCode) countryTotals.set(s.countryCode, (countryTotals.get(s.countryCode) ?? 0) + s.total);

  type Placed = Omit<MapSite, "size">;
  const world: Placed[] = [];
  const china: Placed[] = [];
  // Sites on the inset are one marker per country on the world map, operable there too (issue 17.12).
  const worldByCountry = new Map<string, Placed>();
  const unplaced: PortfolioSite[] = [];
  for (const site of sites) {
    const point =
      site.latitude !== null && site.longitude !== null
        ? { longitude: site.longitude, latitude: site.latitude }
        : ((site.subdivision && chinaProvinceSeat(site.subdivision)) ?? (site.countryCode ? countryCentroid(site.countryCode) : null));
    const onWorld = point && projectPoint("world", point.longitude, point.latitude);
    if (!point || !onWorld) {
      unplaced.push(site);
      continue;
    }
    const onInset = projectPoint("china", point.longitude, point.latitude);
    const country = site.countryCode ? (countryName(site.countryCode) ?? site.countryCode) : null;
    const countryTotal = site.countryCode ? (countryTotals.get(site.countryCode) ?? site.total) : 0;
    const base: Omit<Placed, "x" | "y"> = {
      key: site.key,
      place:
        site.subdivision && country
          ? t("provincePlace", { province: site.subdivision, country })
          : (country ??
            t("coordinates", {
              latitude: format.number(point.latitude, { maximumFractionDigits: 1 }),
              longitude: format.number(point.longitude, { maximumFractionDigits: 1 }),
            })),
      countryCode: site.countryCode,
      wholeCountry: site.countryCode !== null && countryTotal === site.total,
      countryTotal,
      total: site.total,
      counts: [site.health.OFF_TRACK, site.health.AT_RISK, site.health.ON_TRACK, site.health.NOT_ASSESSED],
      projects: site.projects.map((p) => mapProject(p, locale)),
    };
    if (!onInset) {
      world.push({ ...base, ...onWorld });
      continue;
    }
    china.push({ ...base, ...onInset });
    if (!site.countryCode || !country) {
      world.push({ ...base, ...onWorld });
      continue;
    }
    const whole = worldByCountry.get(site.countryCode);
    if (!whole) {
      const centre = countryCentroid(site.countryCode);
      const at = (centre && projectPoint("world", centre.longitude, centre.latitude)) ?? onWorld;
      worldByCountry.set(site.countryCode, {
        ...base,
        ...at,
        key: `country:${site.countryCode}`,
        place: country,
        wholeCountry: true,
        projects: [...base.projects],
      });
      continue;
    }
    whole.total += site.total;
    whole.counts = whole.counts.map((n, i) => n + base.counts[i]) as MapSite["counts"];
    whole.projects.push(...base.projects);
  }
  for (const whole of worldByCountry.values()) {
    whole.wholeCountry = whole.total === whole.countryTotal;
    // Listed only when every part listed its projects (each part lists up to SITE_LIST_MAX).
    whole.projects = whole.projects.length === whole.total && whole.total <= SITE_LIST_MAX ? sortBySeverity(whole.projects) : [];
    world.push(whole);
  }
  // Disc sizes across both views, so a disc of a given size means the same count on either.
  const maxTotal = Math.max(1, ...[...world, ...china].map((s) => s.total));
  const sized = (list: Placed[]): MapSite[] => list.map((s) => ({ ...s, size: Math.round(24 + 20 * Math.sqrt(Math.min(1, s.total / maxTotal))) }));

  const notOnMap = unlocated.total + unplaced.reduce((n, s) => n + s.total, 0);

  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:gap-2">
        <MapFigure view="world" caption={t("worldCaption")} sites={sized(world)} filters={filters} />
        <MapFigure view="china" caption={t("chinaCaption")} sites={sized(china)} filters={filters} />
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
                  aria-label={t("projectLabel", { project: localizedString({ en: p.name, zh: p.nameZh }, locale), health: tHealth(p.health) })}
                >
                  <LocalizedText value={{ en: p.name, zh: p.nameZh }} />
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

function MapFigure({ view, caption, sites, filters }: { view: MapView; caption: string; sites: MapSite[]; filters: DashboardFilters }) {
  const { width, height } = mapSize(view);
  // Larger markers first, so smaller ones stay on top and clickable.
  const ordered = [...sites].sort((a, b) => b.total - a.total);
  return (
    <figure className="min-w-0">
      <div className="relative overflow-visible rounded-md border border-slate-200" style={{ aspectRatio: `${width} / ${height}` }}>
        {/* The geography is a static, cached image; the markers laid over it carry the information. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/dashboard/map/${view}.svg`} alt="" width={width} height={height} className="absolute inset-0 h-full w-full rounded-md" />
        <SiteMarkers sites={ordered} label={caption} describedBy="map-legend" filters={filters} />
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
      <span className="print:hidden">{t("legendGroups")}</span>
    </div>
  );
}

/** A site's project as the browser gets it: its name already in the interface's language (the fallback marked). */
function mapProject(p: SiteProject, locale: AppLocale): MapSite["projects"][number] {
  const name = localize({ en: p.name, zh: p.nameZh }, locale);
  return { slug: p.slug, health: p.health, name: name?.text ?? p.name, ...(name?.fallback ? { fallback: name.lang } : {}) };
}

function sortBySeverity(projects: MapSite["projects"]): MapSite["projects"] {
  return [...projects].sort((a, b) => HEALTH_SEVERITY.indexOf(a.health) - HEALTH_SEVERITY.indexOf(b.health) || a.name.localeCompare(b.name));
}
