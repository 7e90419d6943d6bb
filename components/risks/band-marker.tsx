import type { BandShape } from "@/lib/risks/matrix";

/** A band's shape in its colour: never colour alone (shape and the label carry it too). */
export function BandShape({ shape, colour, className = "h-3 w-3" }: { shape: BandShape; colour: string; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={`inline-block shrink-0 ${className}`}>
      {shape === "circle" ? (
        <circle cx="6" cy="6" r="5" fill={colour} />
      ) : shape === "triangle" ? (
        <path d="M6 1 11 11H1Z" fill={colour} />
      ) : (
        <rect x="1" y="1" width="10" height="10" fill={colour} />
      )}
    </svg>
  );
}

/** Score with its band: shape, colour and the band's name. */
export function BandBadge({ score, band, bandLabel }: { score: number | null; band: { shape: BandShape; colour: string } | null; bandLabel: string | null }) {
  if (score === null || !band) return <span className="text-slate-500">–</span>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <BandShape shape={band.shape} colour={band.colour} />
      <span className="font-semibold tabular-nums">{score}</span>
      <span className="text-sm text-slate-700">{bandLabel}</span>
    </span>
  );
}
