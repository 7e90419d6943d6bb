import { useTranslations } from "next-intl";
import type { Health } from "@/lib/projects/enums";

const STYLES: Record<Health, { badge: string; icon: string }> = {
  ON_TRACK: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-700/30", icon: "text-emerald-700" },
  AT_RISK: { badge: "bg-amber-50 text-amber-900 ring-amber-700/40", icon: "text-amber-700" },
  OFF_TRACK: { badge: "bg-red-50 text-red-800 ring-red-700/30", icon: "text-red-700" },
  NOT_ASSESSED: { badge: "bg-slate-100 text-slate-700 ring-slate-600/30", icon: "text-slate-500" },
};

/** Health as text plus a shape per state, so colour is never the only signal. */
export function HealthBadge({ health }: { health: Health }) {
  const t = useTranslations("enums.health");
  const style = STYLES[health];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${style.badge}`}>
      <HealthIcon health={health} className={`h-3 w-3 shrink-0 ${style.icon}`} />
      {t(health)}
    </span>
  );
}

function HealthIcon({ health, className }: { health: Health; className: string }) {
  const common = { "aria-hidden": true, viewBox: "0 0 12 12", className } as const;
  switch (health) {
    case "ON_TRACK":
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="5" fill="currentColor" />
        </svg>
      );
    case "AT_RISK":
      return (
        <svg {...common}>
          <path d="M6 1 11 10H1L6 1Z" fill="currentColor" />
        </svg>
      );
    case "OFF_TRACK":
      return (
        <svg {...common}>
          <rect x="1.5" y="1.5" width="9" height="9" fill="currentColor" />
        </svg>
      );
    case "NOT_ASSESSED":
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="4.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      );
  }
}
