"use client";

import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Opens the browser's print dialog; the print stylesheet lays the dashboard out as a one-page summary. */
export function PrintButton() {
  const t = useTranslations("dashboard");
  // Printing needs JavaScript; without it the browser's own menu still prints the same page.
  if (!useHydrated()) return null;
  return (
    <button type="button" onClick={() => window.print()} className="btn-secondary print:hidden">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M5 8V3h10v5M5 14H3V8h14v6h-2M6 11h8v6H6z" strokeLinejoin="round" />
      </svg>
      {t("print")}
    </button>
  );
}
