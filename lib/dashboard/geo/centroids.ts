import { geoArea, geoCentroid } from "d3-geo";
import type { Feature, Geometry, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * A point to place a country's projects at: the centroid of its largest
 * polygon, so that overseas territories and far islands (Alaska, French
 * Guiana, Svalbard) do not pull the point away from where the country is.
 * Computed once from world-atlas by generate-centroids.ts into
 * country-centroids.json; geo.test.ts checks the file still matches.
 */
export type LonLat = [longitude: number, latitude: number];

export function computeCentroids(topology: Topology, numericByAlpha2: Readonly<Record<string, string>>): Record<string, LonLat> {
  const countries = feature(topology, topology.objects.countries as GeometryCollection) as unknown as { features: Feature<Geometry>[] };
  // Several features may share a code (world-atlas gives Ashmore and Cartier Islands Australia's 036).
  const byId = new Map<string, Feature<Geometry>[]>();
  for (const f of countries.features) byId.set(String(f.id), [...(byId.get(String(f.id)) ?? []), f]);
  const out: Record<string, LonLat> = {};
  for (const [alpha2, numeric] of Object.entries(numericByAlpha2).sort(([a], [b]) => a.localeCompare(b))) {
    const features = byId.get(numeric);
    if (!features) continue;
    const [lon, lat] = geoCentroid(largestPolygon(features.flatMap((f) => polygons(f.geometry))));
    out[alpha2] = [round2(lon), round2(lat)];
  }
  return out;
}

function polygons(geometry: Geometry): Polygon[] {
  if (geometry.type === "Polygon") return [geometry];
  if (geometry.type === "MultiPolygon") return geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
  return [];
}

function largestPolygon(candidates: Polygon[]): Polygon {
  let best = candidates[0];
  let bestArea = -1;
  for (const polygon of candidates) {
    const area = geoArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
