"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import type { ReactTable, RowData, SortDirection } from "@tanstack/react-table";
import { ColumnResizeHandle } from "./column-resize-handle";
import type { ServerTableFeatures } from "./server-table-features";

export interface DataTableProps<TData extends RowData> {
  table: ReactTable<ServerTableFeatures, TData>;
  /** Names the table for assistive technology (rendered visually hidden). */
  caption: string;
  /** Where a sortable header leads: the list's URL sorted by that column. */
  sortHref: (columnId: string, dir: SortDirection) => string;
  /** Column widths in pixels, by column id (unset: as wide as the content needs). */
  columnWidths?: Partial<Record<string, number>>;
  density?: "comfortable" | "compact";
  /** Rows arrive grouped (sorted by group first): a header row starts each group. */
  groupOf?: (row: TData) => string;
  groupLabel?: (group: string) => string;
  /** Column resizing by drag and by keyboard: the grip's name per column, the bounds, and where a new width goes. */
  resize?: { label: (columnId: string) => string; min: number; max: number; onWidth: (columnId: string, width: number) => void };
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/**
 * The shared table chrome: header cells that sort by navigating (the URL is
 * the state, so sorting works without JavaScript and survives reloads), and
 * rows rendered from the table's row model.
 */
export function DataTable<TData extends RowData>({
  table,
  caption,
  sortHref,
  columnWidths: savedWidths = {},
  density = "comfortable",
  groupOf,
  groupLabel,
  resize,
}: DataTableProps<TData>) {
  // 8 px sideways: at 1440 px the default columns fit beside a Name column wide enough for English names.
  const cellPadding = density === "compact" ? "px-2 py-1" : "px-2 py-2.5";
  // The width under a dragging pointer, shown live and saved when the drag ends.
  const [dragging, setDragging] = useState<{ column: string; width: number } | null>(null);
  const columnWidths = dragging ? { ...savedWidths, [dragging.column]: dragging.width } : savedWidths;
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  return (
    // The table scrolls sideways inside its own box (the page never does); the name column stays put while it does.
    // isolate: the sticky cells' z-index stays inside the box, below the toolbar's popovers.
    <div className="isolate overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs" data-table-scroll>
      <table className={`w-full border-collapse text-left ${density === "compact" ? "text-xs" : "text-sm"}`} data-density={density}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const meta = column.columnDef.meta;
                const alignEnd = meta?.align === "end";
                const sticky = meta?.isRowHeader;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                    style={columnWidths[column.id] ? { width: columnWidths[column.id], minWidth: columnWidths[column.id] } : undefined}
                    // A sortable header is one control across the whole cell, not only its text.
                    className={`border-b border-slate-300 font-semibold whitespace-nowrap ${sticky ? STICKY_HEAD : "relative"} ${column.getCanSort() && !header.isPlaceholder ? "p-0" : "px-2 py-2"} ${alignEnd ? "text-right" : ""}`}
                  >
                    {header.isPlaceholder ? null : column.getCanSort() ? (
                      <Link
                        href={sortHref(column.id, nextDirection(sorted, column.getFirstSortDir()))}
                        scroll={false}
                        className={`flex w-full items-center gap-1 px-2 py-2 hover:bg-slate-200 hover:text-slate-900 ${alignEnd ? "justify-end" : ""} ${
                          sorted ? "text-slate-900" : ""
                        }`}
                      >
                        <table.FlexRender header={header} />
                        <SortIcon direction={sorted} />
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                    {resize && !header.isPlaceholder && (
                      <ColumnResizeHandle
                        label={resize.label(column.id)}
                        width={columnWidths[column.id]}
                        min={resize.min}
                        max={resize.max}
                        onPreview={(width) => setDragging({ column: column.id, width })}
                        onCommit={(width) => {
                          setDragging(null);
                          resize.onWidth(column.id, width);
                        }}
                      />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const group = groupOf?.(row.original);
            const startsGroup = group !== undefined && (index === 0 || groupOf!(rows[index - 1].original) !== group);
            return (
              <Fragment key={row.id}>
                {startsGroup && (
                  <tr className="bg-slate-50">
                    <th scope="colgroup" colSpan={columnCount} className="border-b border-slate-300 px-2.5 py-1.5 text-left font-semibold text-slate-800">
                      {groupLabel?.(group) ?? group}
                    </th>
                  </tr>
                )}
                <tr className="group border-b border-slate-200 last:border-b-0 hover:bg-slate-50">
                  {row.getAllCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    const className = `${cellPadding} align-top ${meta?.align === "end" ? "text-right tabular-nums" : ""} ${meta?.className ?? ""}`;
                    return meta?.isRowHeader ? (
                      <th
                        key={cell.id}
                        scope="row"
                        className={`font-normal ${STICKY_CELL} ${className}`}
                        style={columnWidths[cell.column.id] ? { width: columnWidths[cell.column.id], minWidth: columnWidths[cell.column.id] } : undefined}
                      >
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id} className={className}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// The row-header column (the name) sticks to the scroll box's left edge; its own background hides what scrolls under it.
const STICKY_EDGE = "sticky left-0 shadow-[inset_-1px_0_0_var(--color-slate-300)]";
const STICKY_HEAD = `${STICKY_EDGE} z-30 bg-slate-100`;
const STICKY_CELL = `${STICKY_EDGE} z-10 bg-white group-hover:bg-slate-50`;

/** The sorted column flips; any other column starts at its natural first direction. */
function nextDirection(sorted: false | SortDirection, first: SortDirection): SortDirection {
  if (sorted === "asc") return "desc";
  if (sorted === "desc") return "asc";
  return first;
}

function SortIcon({ direction }: { direction: false | SortDirection }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={`h-3 w-3 shrink-0 ${direction ? "text-slate-900" : "text-slate-500"}`}>
      {direction !== "desc" && <path d="M6 1.5 9.5 5h-7L6 1.5Z" fill="currentColor" opacity={direction === "asc" ? 1 : 0.6} />}
      {direction !== "asc" && <path d="M6 10.5 2.5 7h7L6 10.5Z" fill="currentColor" opacity={direction === "desc" ? 1 : 0.6} />}
    </svg>
  );
}
