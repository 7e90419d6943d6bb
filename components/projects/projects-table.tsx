"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useTable } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { serverTableFeatures } from "@/components/data-table/server-table-features";
import { PAGE_SIZES, toSearchParams, type ProjectListParams, type SortKey } from "@/lib/projects/list-params";
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type Density, type ProjectColumnId } from "@/lib/projects/columns";
import { projectColumns } from "./project-columns";
import type { ProjectListItem } from "./project-list-types";
import { PROJECTS_PATH, projectsHref } from "./project-list-url";

interface ProjectsTableProps {
  rows: ProjectListItem[];
  total: number;
  params: ProjectListParams;
  /** visible columns, in order */
  columns: ProjectColumnId[];
  columnWidths: Partial<Record<ProjectColumnId, number>>;
  density: Density;
  /** per group key ("" for none): its label with the count from the database */
  groupLabels?: Record<string, string>;
  /** a column's new width, from dragging or the keyboard on its header's grip */
  onColumnWidth?: (column: ProjectColumnId, width: number) => void;
}

/** One server-sorted page of projects; sorting and paging navigate to a new URL. */
export function ProjectsTable({ rows, total, params, columns, columnWidths, density, groupLabels, onColumnWidth }: ProjectsTableProps) {
  const t = useTranslations("projects");
  const visibleColumns = useMemo(() => columns.flatMap((id) => projectColumns.filter((c) => c.id === id)), [columns]);
  const group = params.group;
  const sorting = useMemo(() => [{ id: params.sort, desc: params.dir === "desc" }], [params.sort, params.dir]);
  const pagination = useMemo(() => ({ pageIndex: params.page - 1, pageSize: params.pageSize }), [params.page, params.pageSize]);

  const table = useTable({
    features: serverTableFeatures,
    columns: visibleColumns,
    data: rows,
    getRowId: (row) => row.slug,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    sortDescFirst: false,
    enableMultiSort: false,
  });

  const hiddenParams = [...toSearchParams({ ...params, page: 1, pageSize: undefined }).entries()];

  return (
    <>
      <DataTable
        table={table}
        caption={t("list.caption", { column: t(`columns.${params.sort}`), direction: t(`sort.${params.dir}`) })}
        sortHref={(columnId, dir) => projectsHref({ ...params, sort: columnId as SortKey, dir, page: 1 })}
        columnWidths={columnWidths}
        density={density}
        groupOf={group ? (row) => (group === "organization" ? (row.organization?.code ?? "") : String(row[group] ?? "")) : undefined}
        groupLabel={(key) => groupLabels?.[key] ?? key}
        resize={
          onColumnWidth && {
            label: (column) => t("table.resize", { column: t(`columns.${column as ProjectColumnId}`) }),
            min: MIN_COLUMN_WIDTH,
            max: MAX_COLUMN_WIDTH,
            onWidth: (column, width) => onColumnWidth(column as ProjectColumnId, width),
          }
        }
      />
      <DataTablePagination
        page={params.page}
        pageCount={table.getPageCount()}
        canPrevious={table.getCanPreviousPage()}
        canNext={table.getCanNextPage()}
        pageHref={(page) => projectsHref({ ...params, page })}
        pageSize={params.pageSize}
        pageSizes={PAGE_SIZES}
        pageSizeHref={(pageSize) => projectsHref({ ...params, pageSize, page: 1 })}
        hiddenParams={hiddenParams}
        action={PROJECTS_PATH}
      />
    </>
  );
}
