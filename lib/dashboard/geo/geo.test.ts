import { describe, expect, it } from "vitest";
import type { Topology } from "topojson-specification";
import world50 from "world-atlas/countries-50m.json" with { type: "json" };
import { KNOWN_COUNTRIES } from "../../projects/regions";
import { computeCentroids } from "./centroids";
import committed from "./country-centroids.json" with { type: "json" };
import { COUNTRY_NUMERIC } from "./country-numeric";
import { CHINA_PROVINCE_SEATS, CHINA_PROVINCES, chinaProvinceSeat } from "./china-provinces";
import { countries, countryCentroid, projectPoint } from "./projections";
import { geoContains } from "d3-geo";

describe("country geography", () => {
  it("has a numeric code and a centroid for every country the portfolio knows", () => {
    expect(KNOWN_COUNTRIES.filter((c) => !COUNTRY_NUMERIC[c])).toEqual([]);
    expect(KNOWN_COUNTRIES.filter((c) => !countryCentroid(c))).toEqual([]);
    expect(new Set(Object.values(COUNTRY_NUMERIC)).size).toBe(Object.keys(COUNTRY_NUMERIC).length);
  });

  it("maps codes to the countries world-atlas draws under them", () => {
    const names = new Map(
      (world50 as unknown as { objects: { countries: { geometries: { id: string; properties: { name: string } }[] } } }).objects.countries.geometries.map(
        (g) => [g.id, g.properties.name],
      ),
    );
    const sample: Record<string, string> = {
      BW: "Botswana",
      CD: "Dem. Rep. Congo",
      PE: "Peru",
      CN: "China",
      HK: "Hong Kong",
      SG: "Singapore",
      PG: "Papua New Guinea",
    };
    for (const [alpha2, name] of Object.entries(sample)) expect(names.get(COUNTRY_NUMERIC[alpha2]), alpha2).toBe(name);
  });

  it("the committed centroids are what world-atlas gives (regenerate with lib/dashboard/geo/generate-centroids.ts)", () => {
    expect(computeCentroids(world50 as unknown as Topology, COUNTRY_NUMERIC)).toEqual(committed);
  });

  it("places a country by its largest land mass, not its far territories", () => {
    const inBox = (code: string, [w, s, e, n]: number[]) => {
      const c = countryCentroid(code)!;
      return c.longitude >= w && c.longitude <= e && c.latitude >= s && c.latitude <= n;
    };
    expect(inBox("BW", [20, -27, 29, -18])).toBe(true);
    expect(inBox("US", [-125, 25, -66, 49])).toBe(true); // not pulled towards Alaska
    expect(inBox("FR", [-5, 41, 9, 51])).toBe(true); // not towards French Guiana
    expect(inBox("AU", [113, -39, 154, -11])).toBe(true); // not Ashmore Reef, which shares Australia's code
    expect(countryCentroid("bw")).toEqual(countryCentroid("BW"));
    expect(countryCentroid("XX")).toBeNull();
  });

  it("projects onto the world and the China inset, and reports points off the inset", () => {
    const bw = countryCentroid("BW")!;
    const cn = countryCentroid("CN")!;
    const world = projectPoint("world", bw.longitude, bw.latitude)!;
    expect(world.x).toBeGreaterThan(50);
    expect(world.y).toBeGreaterThan(50); // southern hemisphere, east of Greenwich
    expect(projectPoint("china", bw.longitude, bw.latitude)).toBeNull();
    const inset = projectPoint("china", cn.longitude, cn.latitude)!;
    expect(inset.x).toBeGreaterThan(20);
    expect(inset.x).toBeLessThan(80);
  });
});

describe("China's provinces on the inset (issue 17.12)", () => {
  it("places every province's seat inside China (or Hong Kong, Macau) and on the inset", () => {
    const drawn = countries(world50 as unknown as Topology).filter((f) => ["156", "344"].includes(String(f.id)));
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    // Macau is smaller than the 1:50m atlas draws (it has no polygon there): checked on the inset only.
    const outside = Object.entries(CHINA_PROVINCE_SEATS).filter(([name, [lon, lat]]) => name !== "Macau" && !drawn.some((f) => geoContains(f, [lon, lat])));
    expect(outside).toEqual([]);
    expect(
      CHINA_PROVINCES.filter(
        (name) => !chinaProvinceSeat(name) || !projectPoint("china", chinaProvinceSeat(name)!.longitude, chinaProvinceSeat(name)!.latitude),
      ),
    ).toEqual([]);
    expect(CHINA_PROVINCES).toHaveLength(33);
  });

  it("knows a province only by its exact stored name", () => {
    expect(chinaProvinceSeat("Hunan")).toEqual({ longitude: 112.94, latitude: 28.23 });
    expect(chinaProvinceSeat("hunan")).toBeNull();
    expect(chinaProvinceSeat("toString")).toBeNull();
  });
});
