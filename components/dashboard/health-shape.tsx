import type { Health } from "@/lib/projects/enums";
import { HEALTH_COLOR } from "./health-style";

/**
 * The shape of each health (as the health badge uses): circle, triangle,
 * square, ring. With a white edge so it stands out on the map. Decorative:
 * the text next to it, or its parent's accessible name, says the health.
 */
export function HealthShape({ health, size = 12, className }: { health: Health; size?: number; className?: string }) {
  const color = HEALTH_COLOR[health];
  const common = { "aria-hidden": true, width: size, height: size, viewBox: "0 0 12 12", className } as const;
  switch (health) {
    case "ON_TRACK":
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="5" fill={color} stroke="#fff" strokeWidth="1" />
        </svg>
      );
    case "AT_RISK":
      return (
        <svg {...common}>
          <path d="M6 .8 11.4 10.6H.6L6 .8Z" fill={color} stroke="#fff" strokeWidth="1" strokeLinejoin="round" />
        </svg>
      );
    case "OFF_TRACK":
      return (
        <svg {...common}>
          <rect x="1" y="1" width="10" height="10" fill={color} stroke="#fff" strokeWidth="1" />
        </svg>
      );
    case "NOT_ASSESSED":
      return (
        <svg {...common}>
          <circle cx="6" cy="6" r="4.5" fill="#fff" stroke={color} strokeWidth="2.2" />
        </svg>
      );
  }
}
