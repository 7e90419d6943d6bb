import type { CapexFigures, Wire } from "./capex-math";

/** What the project page's capex card shows: plain strings, safe to hand to a client component. */
export interface ProjectCapexView {
  currency: string;
  /** the same figures in the project currency, CNY and USD (from the stored converted amounts) */
  figures: Record<"project" | "CNY" | "USD", Wire<CapexFigures>>;
  /** names of the exchange-rate sets the CNY/USD figures were converted with */
  rateSets: string[];
  versions: BudgetVersionView[];
  hasData: boolean;
}

export interface BudgetVersionView {
  id: string;
  kind: "ORIGINAL" | "REVISION" | "ANNUAL_PLAN";
  label: string;
  state: "DRAFT" | "APPROVED";
  currency: string;
  total: string;
  lines: number;
  createdByName: string;
  approvedByName: string | null;
  /** ISO timestamp */
  approvedAt: string | null;
  current: boolean;
  version: number;
}
