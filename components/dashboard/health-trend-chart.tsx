"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Health } from "@/lib/projects/enums";
import { HEALTH_COLOR, HEALTH_SEVERITY } from "./health-style";

export type TrendDatum = { month: string } & Record<Health, number>;

// A dash pattern and a marker shape per health, so the lines differ without colour.
const DASH: Record<Health, string | undefined> = { OFF_TRACK: undefined, AT_RISK: "6 3", ON_TRACK: undefined, NOT_ASSESSED: "2 3" };

/**
 * The trend as lines, one per health. Decorative for assistive technology:
 * the card's summary sentence and its table say the same. Counts are taken at
 * each month's end, so a line steps there rather than sloping through the
 * month (a change on one day is not a gradual one). The legend is our own, in
 * the table's order (worst first) in every language, with the markers' shapes
 * and dashes (Recharts' sorts by the translated name and draws plain lines).
 */
export function HealthTrendChart({ data, labels, title }: { data: TrendDatum[]; labels: Record<Health, string>; title: string }) {
  return (
    <div role="img" aria-label={title} className="w-full">
      <div className="trend-chart h-64 w-full lg:h-80">
        <LineChart
          responsive
          data={data}
          margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
          style={{ width: "100%", height: "100%" }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#334155" }} tickLine={false} axisLine={{ stroke: "#94a3b8" }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} tickLine={false} axisLine={false} width={48} />
          <Tooltip />
          {HEALTH_SEVERITY.map((h) => (
            <Line
              key={h}
              type="stepAfter"
              dataKey={h}
              name={labels[h]}
              stroke={HEALTH_COLOR[h]}
              strokeWidth={2}
              strokeDasharray={DASH[h]}
              dot={(props: { cx?: number; cy?: number; index?: number }) => <Marker key={`${h}-${props.index}`} health={h} cx={props.cx} cy={props.cy} />}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <ul className="trend-legend mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
        {HEALTH_SEVERITY.map((h) => (
          <li key={h} className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="28" height="10" viewBox="0 0 28 10">
              <line x1="0" y1="5" x2="28" y2="5" stroke={HEALTH_COLOR[h]} strokeWidth={2} strokeDasharray={DASH[h]} />
              <Marker health={h} cx={14} cy={5} />
            </svg>
            {labels[h]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Marker({ health, cx, cy }: { health: Health; cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return null;
  const color = HEALTH_COLOR[health];
  switch (health) {
    case "ON_TRACK":
      return <circle cx={cx} cy={cy} r={3} fill={color} />;
    case "AT_RISK":
      return <path d={`M${cx} ${cy - 4}L${cx + 4} ${cy + 3}H${cx - 4}Z`} fill={color} />;
    case "OFF_TRACK":
      return <rect x={cx - 3} y={cy - 3} width={6} height={6} fill={color} />;
    case "NOT_ASSESSED":
      return <circle cx={cx} cy={cy} r={3} fill="#fff" stroke={color} strokeWidth={1.5} />;
  }
}
