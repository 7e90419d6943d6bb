/**
 * A small line chart rendered on the server as SVG (no client JavaScript, no
 * text measuring at hydration). The chart is decorative for screen readers:
 * each use comes with a table of the same numbers.
 */
export interface ChartSeries {
  key: string;
  label: string;
  /** one value per x label; null: no point */
  values: (number | null)[];
  color: string;
  dashed?: boolean;
}

const W = 640;
const H = 220;
const PAD = { left: 8, right: 8, top: 10, bottom: 22 };

export function LineChart({
  labels,
  series,
  horizontal,
}: {
  labels: string[];
  series: ChartSeries[];
  horizontal?: { label: string; value: number; color: string };
}) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null)).concat(horizontal ? [horizontal.value] : []);
  const max = Math.max(1, ...all) * 1.05;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? 0 : (i / (labels.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const tickEvery = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-3xl" aria-hidden="true" focusable="false">
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#94a3b8" />
        {labels.map((l, i) =>
          i % tickEvery === 0 ? (
            <text key={l} x={x(i)} y={H - 6} fontSize="10" fill="#475569" textAnchor={i === 0 ? "start" : "middle"}>
              {l}
            </text>
          ) : null,
        )}
        {horizontal && (
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(horizontal.value)}
            y2={y(horizontal.value)}
            stroke={horizontal.color}
            strokeDasharray="2 4"
            strokeWidth="2"
          />
        )}
        {series.map((s) => {
          const pts = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
          return pts.length ? (
            <polyline key={s.key} points={pts.join(" ")} fill="none" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? "6 4" : undefined} />
          ) : null;
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm text-slate-700">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <svg width="20" height="6" aria-hidden="true">
              <line x1="0" x2="20" y1="3" y2="3" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? "6 4" : undefined} />
            </svg>
            {s.label}
          </span>
        ))}
        {horizontal && (
          <span className="inline-flex items-center gap-1.5">
            <svg width="20" height="6" aria-hidden="true">
              <line x1="0" x2="20" y1="3" y2="3" stroke={horizontal.color} strokeWidth="2" strokeDasharray="2 4" />
            </svg>
            {horizontal.label}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
