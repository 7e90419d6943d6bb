"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

const PendingContext = createContext<{ pending: boolean; setPending: (p: boolean) => void }>({ pending: false, setPending: () => {} });

/** Shares "the list is loading a new filter" between the filters and the results. */
export function ListPendingProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState(false);
  return <PendingContext.Provider value={{ pending, setPending }}>{children}</PendingContext.Provider>;
}

/** For the filters: report their navigation's pending state. */
export function useReportListPending(pending: boolean): void {
  const { setPending } = useContext(PendingContext);
  useEffect(() => {
    setPending(pending);
    return () => setPending(false);
  }, [pending, setPending]);
}

/**
 * The results while a filter change loads: dimmed and marked busy, and the
 * change announced once, so nobody reads the old rows as the new ones.
 */
export function StaleResults({ children }: { children: ReactNode }) {
  const { pending } = useContext(PendingContext);
  const t = useTranslations("projects.list");
  return (
    <div aria-busy={pending} className={`space-y-5 transition-opacity ${pending ? "pointer-events-none opacity-50" : ""}`} data-stale={pending || undefined}>
      <p role="status" className="sr-only">
        {pending ? t("stale") : ""}
      </p>
      {children}
    </div>
  );
}
