"use client";

import { useEffect } from "react";

/**
 * Records the visit once the dashboard is on screen, for "since your last
 * visit" next time. After rendering, so this visit still shows what happened
 * since the previous one.
 */
export function MarkVisit() {
  useEffect(() => {
    fetch("/dashboard/visit", { method: "POST", credentials: "same-origin", keepalive: true }).catch(() => {
      // Not worth bothering the reader: the next visit shows a longer "since".
    });
  }, []);
  return null;
}
