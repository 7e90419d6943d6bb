"use client";

import { useEffect } from "react";
import { markDashboardSeen } from "@/app/dashboard/actions";

/**
 * Records the visit once the dashboard is on screen, for "since your last
 * visit" next time. After rendering, so this visit still shows what happened
 * since the previous one.
 */
export function MarkVisit() {
  useEffect(() => {
    markDashboardSeen().catch(() => {
      // Not worth bothering the reader: the next visit will show a longer "since".
    });
  }, []);
  return null;
}
