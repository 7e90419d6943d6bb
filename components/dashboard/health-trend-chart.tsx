import { useFormatter } from "next-intl";
import { ENUMERATION } from "@/lib/i18n/list-format";
import type { Health } from "@/lib/projects/enums";
import { HEALTH_COLOR, HEALTH_SEVERITY } from "./health-style";
import { niceTicks, shownLabels, stepPath } from "./trend-geometry";

export type TrendDatum = { month: string } & Record<Health, number>;

// A dash pattern and a marker shape per health, so the lines differ without colour.
const DASH: Record<Health, string | undefined> = { OFF_TRACK: undefined, AT_RISK: "6 3", ON_TRACK: undefined, NOT_ASSESSED: "2 3" };

/** The plot's own coordinates: stretched to the box (the lines keep their width, see below). */
const VIEW_W = 1000;
const VIEW_H = 100;

/**
 * The trend as lines, one per health, drawn on the server as plain SVG and
 * HTML: nothing to hydrate, nothing measured in the browser (a chart library
 * measured every label in the DOM during hydration, 1.5 s of main-thread time
 * on the 20k dashboard; decision 0078). Decorative for assistive technology:
 * the card's summary sentence and its table say the same. Counts are taken at
 * each month's end, so a line steps there rather than sloping through the
 * month (a change on one day is not a gradual one). The plot stretches to its
 * box (preserveAspectRatio="none", strokes that do not scale); markers and
 * labels are HTML placed in percent, so they keep their shape at any width.
 * Each month's column carries its numbers as a native tooltip.
 */
export function HealthTrendChart({ data, labels, title }: { data: TrendDatum[]; labels: Record<Health, string>; title: string }) {
  const format = useFormatter();
  const max = Math.max(0, ...data.flatMap((d) => HEALTH_SEVERITY.map((h) => d[h])));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const n = data.length;
  // Points sit at the middle of each month's column, as on a category axis.
  const xPct = (i: number) => ((i + 0.5) / n) * 100;
  const yPct = (v: number) => (1 - v / top) * 100;
  const shown = new Set(shownLabels(n));

  return (
    <div role="img" aria-label={title} className="w-full">
      <div className="trend-chart grid h-64 w-full grid-cols-[3rem_1fr] grid-rows-[1fr_auto] pt-2 pr-3 text-xs text-slate-700 lg:h-80">
        <div className="relative" aria-hidden="true">
          {ticks.map((v) => (
            <span key={v} className="absolute right-2 -translate-y-1/2 tabular-nums leading-none" style={{ top: `${yPct(v)}%` }}>
              {v}
            </span>
          ))}
        </div>
        <div className="trend-plot relative border-b border-slate-400">
          <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} preserveAspectRatio="none" aria-hidden="true">
            {ticks.map((v) => (
              <line key={v} x1={0} x2={VIEW_W} y1={(yPct(v) / 100) * VIEW_H} y2={(yPct(v) / 100) * VIEW_H} stroke="#e2e8f0" vectorEffect="non-scaling-stroke" />
            ))}
            {HEALTH_SEVERITY.map((h) => (
              <path
                key={h}
                className="trend-line"
                d={stepPath(data.map((d, i) => [(xPct(i) / 100) * VIEW_W, (yPct(d[h]) / 100) * VIEW_H]))}
                fill="none"
                stroke={HEALTH_COLOR[h]}
                strokeWidth={2}
                strokeDasharray={DASH[h]}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
          {data.map((d, i) => (
            <div
              key={d.month}
              className="absolute inset-y-0 hover:bg-slate-500/5"
              style={{ left: `${(i / n) * 100}%`, width: `${100 / n}%` }}
              title={`${d.month}: ${format.list(
                HEALTH_SEVERITY.map((h) => `${labels[h]} ${d[h]}`),
                ENUMERATION,
              )}`}
            >
              {HEALTH_SEVERITY.map((h) => (
                <svg
                  key={h}
                  aria-hidden="true"
                  width="10"
                  height="10"
                  viewBox="-5 -5 10 10"
                  className="absolute -translate-x-1/2 -translate-y-1/2 overflow-visible"
                  style={{ left: "50%", top: `${yPct(d[h])}%` }}
                >
                  <Marker health={h} cx={0} cy={0} />
                </svg>
              ))}
            </div>
          ))}
        </div>
        <div />
        <div className="relative h-5" aria-hidden="true">
          {data.map((d, i) =>
            shown.has(i) ? (
              <span key={d.month} className="absolute top-1 -translate-x-1/2 whitespace-nowrap" style={{ left: `${xPct(i)}%` }}>
                {d.month}
              </span>
            ) : null,
          )}
        </div>
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

function Marker({ health, cx, cy }: { health: Health; cx: number; cy: number }) {
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
