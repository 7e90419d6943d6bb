import { geoConicEqualArea, geoEqualEarth, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110 from "world-atlas/countries-110m.json" with { type: "json" };
import centroids from "./country-centroids.json" with { type: "json" };

/**
 * The two maps the dashboard draws, shipped with the app (world-atlas, no tile
 * server): the world, and an inset zoomed on China. The geography is a static
 * SVG (base-map.ts, served by app/dashboard/map/[view]/route.ts and cached by
 * the browser); markers are HTML laid over it at the same projection's
 * coordinates (projectPoint), so they stay links and buttons.
 */
export const MAP_VIEWS = ["world", "china"] as const;
export type MapView = (typeof MAP_VIEWS)[number];

export interface ViewSpec {
  width: number;
  height: number;
  projection: GeoProjection;
}

export const CHINA_ID = "156";
const TAIWAN_ID = "158";
/** Antarctica and the French Southern and Antarctic Lands: no projects, much space. */
export const ANTARCTIC_IDS = new Set(["010", "260"]);

export function countries(topology: Topology): Feature<Geometry>[] {
  return (feature(topology, topology.objects.countries as GeometryCollection) as unknown as FeatureCollection<Geometry>).features;
}

let specs: Record<MapView, ViewSpec> | undefined;

export function viewSpecs(): Record<MapView, ViewSpec> {
  if (specs) return specs;
  const coarse = world110 as unknown as Topology;
  const inhabited: FeatureCollection<Geometry> = { type: "FeatureCollection", features: countries(coarse).filter((f) => !ANTARCTIC_IDS.has(String(f.id))) };
  const world = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [956, 456],
    ],
    inhabited,
  );
  // Albers equal-area with China's usual parallels; fitted to China and Taiwan.
  const chinaArea: FeatureCollection<Geometry> = {
    type: "FeatureCollection",
    features: countries(coarse).filter((f) => String(f.id) === CHINA_ID || String(f.id) === TAIWAN_ID),
  };
  const china = geoConicEqualArea()
    .parallels([25, 47])
    .rotate([-105, 0])
    .fitExtent(
      [
        [16, 16],
        [464, 344],
      ],
      chinaArea,
    );
  china.clipExtent([
    [0, 0],
    [480, 360],
  ]);
  specs = {
    world: { width: 960, height: 460, projection: world },
    china: { width: 480, height: 360, projection: china },
  };
  return specs;
}

export function mapSize(view: MapView): { width: number; height: number } {
  const { width, height } = viewSpecs()[view];
  return { width, height };
}

/** Where a point falls on a view, in percent of its width and height; null when off the view. */
export function projectPoint(view: MapView, longitude: number, latitude: number): { x: number; y: number } | null {
  const { projection, width, height } = viewSpecs()[view];
  const p = projection([longitude, latitude]);
  if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
  if (p[0] < 0 || p[0] > width || p[1] < 0 || p[1] > height) return null;
  return { x: round((p[0] / width) * 100), y: round((p[1] / height) * 100) };
}

const round = (n: number) => Math.round(n * 100) / 100;

const CENTROIDS: Record<string, number[]> = centroids;

/** Where a country's projects without coordinates are placed; null for a country the table does not know. */
export function countryCentroid(countryCode: string): { longitude: number; latitude: number } | null {
  const c = CENTROIDS[countryCode.toUpperCase()];
  return c ? { longitude: c[0], latitude: c[1] } : null;
}
