import type { Region } from "@/lib/projects/enums";
import type { ProjectRow } from "@/lib/projects/types";

/** A list row with the display text the server resolves for the request's locale. */
export interface ProjectListItem extends ProjectRow {
  countryName: string | null;
  /** the roll-up currency the reader chose for the budget and EAC columns (list param `cur`) */
  rollup: "CNY" | "USD" | null;
}

export interface CountryOption {
  code: string;
  region: Region | null;
  name: string;
}
