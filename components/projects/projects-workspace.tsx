"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { savePreferencesAction } from "@/lib/views/actions";
import { ViewsMenu } from "@/components/views/views-menu";
import { normalizeColumns } from "@/lib/projects/columns";
import { toSearchParams, type ProjectListParams } from "@/lib/projects/list-params";
import type { SavedViewSummary } from "@/lib/views/types";
import type { ProjectListItem } from "./project-list-types";
import { projectsHref } from "./project-list-url";
import { ProjectsTable } from "./projects-table";
import { TableSettings, type TableSettingsState } from "./table-settings";

interface ProjectsWorkspaceProps {
  rows: ProjectListItem[];
  total: number;
  params: ProjectListParams;
  initialSettings: TableSettingsState;
  views: SavedViewSummary[];
  currentView: SavedViewSummary | null;
  signedIn: boolean;
  groupLabels?: Record<string, string>;
  showTable: boolean;
}

/**
 * The toolbar (views, table settings, exports) and the table, sharing the
 * column choice: the export links always carry exactly the visible columns.
 * A signed-in user's choice is saved to their preferences, unless a view is
 * open (then "Update view" saves it to the view); anonymous readers' choice
 * lasts for the page only.
 */
export function ProjectsWorkspace(props: ProjectsWorkspaceProps) {
  const { params, signedIn, currentView } = props;
  const t = useTranslations("projects");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [settings, setSettings] = useState(props.initialSettings);
  const columns = normalizeColumns(settings.columns);

  const onSettings = (next: TableSettingsState) => {
    setSettings(next);
    if (signedIn && !currentView) startTransition(async () => void (await savePreferencesAction({ ...next, columns: normalizeColumns(next.columns) })));
  };

  const listQuery = toSearchParams({ ...params, page: 1, pageSize: undefined, view: undefined, group: undefined }).toString();
  const exportQuery = (format: "csv" | "xlsx") => {
    const qs = toSearchParams({ ...params, page: 1, pageSize: undefined, group: undefined });
    qs.set("format", format);
    qs.set("columns", columns.join(","));
    return `/api/projects/export?${qs.toString()}`;
  };

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3 print:hidden">
        <ViewsMenu views={props.views} current={currentView} query={listQuery} group={params.group} settings={{ ...settings, columns }} signedIn={signedIn} />
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/projects/timeline${listQuery ? `?${listQuery}` : ""}`} className="btn-secondary h-9 px-3">
            {t("timelineLink")}
          </Link>
          <a href={exportQuery("csv")} className="btn-secondary h-9 px-3" download>
            {t("export.csv")}
          </a>
          <a href={exportQuery("xlsx")} className="btn-secondary h-9 px-3" download>
            {t("export.xlsx")}
          </a>
          <TableSettings
            state={{ ...settings, columns }}
            onChange={onSettings}
            group={params.group}
            groupHref={(group) => projectsHref({ ...params, group, page: 1 })}
            onGroup={(href) => router.push(href, { scroll: false })}
            signedIn={signedIn}
          />
        </div>
      </div>
      {props.showTable && (
        <ProjectsTable
          rows={props.rows}
          total={props.total}
          params={params}
          columns={columns}
          columnWidths={settings.columnWidths}
          density={settings.density}
          groupLabels={props.groupLabels}
          onColumnWidth={(column, width) => onSettings({ ...settings, columns, columnWidths: { ...settings.columnWidths, [column]: width } })}
        />
      )}
    </>
  );
}
