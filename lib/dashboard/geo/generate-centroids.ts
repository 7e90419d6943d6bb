/**
 * Writes country-centroids.json from world-atlas (1:50m, which also has the
 * small countries 1:110m leaves out: Singapore, Hong Kong, Macau, Bahrain).
 * Run after adding a country to country-numeric.ts:
 *   npx tsx lib/dashboard/geo/generate-centroids.ts
 */
import fs from "node:fs";
import path from "node:path";
import type { Topology } from "topojson-specification";
import world from "world-atlas/countries-50m.json" with { type: "json" };
import { computeCentroids } from "./centroids";
import { COUNTRY_NUMERIC } from "./country-numeric";

const file = path.join(import.meta.dirname, "country-centroids.json");
const centroids = computeCentroids(world as unknown as Topology, COUNTRY_NUMERIC);
const lines = Object.entries(centroids).map(([code, [lon, lat]]) => `  ${JSON.stringify(code)}: [${lon}, ${lat}]`);
fs.writeFileSync(file, `{\n${lines.join(",\n")}\n}\n`);
console.log(`${Object.keys(centroids).length} centroids → ${path.relative(process.cwd(), file)}`);
