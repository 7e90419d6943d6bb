import { Suspense, type ReactNode } from "react";
import { CardErrorBoundary } from "./card-error-boundary";
import { CardSkeleton } from "./card-skeleton";

interface DashboardCardProps {
  id: string;
  title: string;
  /** A line under the title (what the card counts, as of when). */
  description?: ReactNode;
  /** Skeleton rows while the card's data loads. */
  skeletonRows?: number;
  className?: string;
  /** Names the card for the print stylesheet (dashboard.css). */
  area:
    | "since"
    | "health"
    | "attention"
    | "overdue"
    | "upcoming"
    | "slips"
    | "map"
    | "breakdown"
    | "trend"
    | "activity"
    | "capex"
    | "kpis"
    | "risks"
    | "compliance";
  children: ReactNode;
}

/**
 * One dashboard card: a titled region whose content (an async server
 * component) streams in behind its own Suspense boundary and skeleton, and
 * fails on its own (the rest of the dashboard still shows).
 */
export function DashboardCard({ id, title, description, skeletonRows = 4, className = "", area, children }: DashboardCardProps) {
  return (
    <section
      aria-labelledby={id}
      data-area={area}
      className={`dashboard-card flex min-w-0 flex-col rounded-lg border border-slate-300 bg-white p-4 shadow-xs sm:p-5 ${className}`}
    >
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
      <div className="mt-3 flex-1">
        <CardErrorBoundary>
          <Suspense fallback={<CardSkeleton rows={skeletonRows} />}>{children}</Suspense>
        </CardErrorBoundary>
      </div>
    </section>
  );
}
