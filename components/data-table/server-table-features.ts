import { metaHelper, rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** Presentation hints a column gives the shared table chrome. */
export interface DataColumnMeta {
  /** Numbers align to the end so digits line up. */
  align?: "start" | "end";
  /** The column whose cells name the row (rendered as <th scope="row">). */
  isRowHeader?: boolean;
  /** Extra classes for the column's cells, e.g. a minimum width. */
  className?: string;
}

/**
 * Features of a list whose sorting and paging the server owns: the URL holds
 * the state, the server returns one sorted page, and the table only renders it
 * (no client row models are registered, so nothing is re-sorted or sliced).
 */
export const serverTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
});

export type ServerTableFeatures = typeof serverTableFeatures;
