import { geoPath } from "d3-geo";
import { mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110 from "world-atlas/countries-110m.json" with { type: "json" };
import world50 from "world-atlas/countries-50m.json" with { type: "json" };
import { ANTARCTIC_IDS, CHINA_ID, countries, viewSpecs, type MapView } from "./projections";

/** The world at 1:110m; the inset is zoomed in, so it takes the finer 1:50m atlas. */
const ATLAS: Record<MapView, Topology> = { world: world110 as unknown as Topology, china: world50 as unknown as Topology };

/** The view's geography as a standalone SVG document: decoration behind the markers, which carry the information. */
export function renderBaseMap(view: MapView): string {
  const { width, height, projection } = viewSpecs()[view];
  const topology = ATLAS[view];
  // Whole pixels are enough at these sizes and halve the file.
  const path = geoPath(projection).digits(0);
  const all = countries(topology).filter((f) => view === "china" || !ANTARCTIC_IDS.has(String(f.id)));
  const land = all
    .filter((f) => String(f.id) !== CHINA_ID)
    .map((f) => path(f) ?? "")
    .join("");
  const china = all
    .filter((f) => String(f.id) === CHINA_ID)
    .map((f) => path(f) ?? "")
    .join("");
  const borders = path(mesh(topology, topology.objects.countries as GeometryCollection, (a, b) => a !== b)) ?? "";
  // On the world map, the inset's area: its sites are shown (and operable) there.
  const inset = view === "world" ? `<path d="${insetOutline()}" fill="none" stroke="#475569" stroke-width="1.2" stroke-dasharray="4 3"/>` : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="#e9f1f7"/>`,
    `<path d="${land}" fill="#d6dee6"/>`,
    `<path d="${china}" fill="#c8d2dc"/>`,
    `<path d="${borders}" fill="none" stroke="#ffffff" stroke-width="0.7" stroke-linejoin="round"/>`,
    inset,
    `</svg>`,
  ].join("");
}

/** The China inset's frame, traced along its edges and drawn in world coordinates. */
function insetOutline(): string {
  const { china, world } = viewSpecs();
  const steps = 24;
  const edge: [number, number][] = [];
  const [w, h] = [china.width, china.height];
  for (let i = 0; i < steps; i++) edge.push([(w * i) / steps, 0]);
  for (let i = 0; i < steps; i++) edge.push([w, (h * i) / steps]);
  for (let i = steps; i > 0; i--) edge.push([(w * i) / steps, h]);
  for (let i = steps; i > 0; i--) edge.push([0, (h * i) / steps]);
  const points = edge
    .map((p) => china.projection.invert!(p))
    .filter((p): p is [number, number] => !!p)
    .map((p) => world.projection(p))
    .filter((p): p is [number, number] => !!p);
  return `M${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L")}Z`;
}
