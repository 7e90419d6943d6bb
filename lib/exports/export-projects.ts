import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { db } from "../db/client";
import { log } from "../log/logger";
import { periodOf } from "../dates/fuzzy-date";
import { portfolioToday } from "../dates/portfolio-day";
import { toMilestoneView } from "../milestones/milestone-view";
import type { ProjectColumnId } from "../projects/columns";
import type { ProjectListParams } from "../projects/list-params";
import { selectProjectIds, selectProjectRowsByIds } from "../projects/list-projects";
import type { WhereOptions } from "../projects/project-where";
import type { FuzzyDate, MilestoneView } from "../projects/types";
import { csvLine, UTF8_BOM } from "./csv";
import {
  csvValue,
  MILESTONE_EXPORT,
  projectExportColumns,
  type ExportColumn,
  type ExportLabels,
  type ExportValue,
  type MilestoneExportRow,
} from "./export-columns";

/** Rows per database round trip: the export never holds more than this many projects. */
export const EXPORT_BATCH_SIZE = 1000;

export interface ExportOptions {
  params: ProjectListParams;
  columns: readonly ProjectColumnId[];
  labels: ExportLabels;
  /** the reader's scope (required: an export never widens past what its reader may read) */
  where: WhereOptions;
  batchSize?: number;
  /** the matching ids in list order, fetched before the response starts (selectExportIds) */
  ids?: readonly string[];
}

/**
 * The matching projects' ids in list order: the export's one query that can
 * fail on the request (a bad filter, a database that is down). The route
 * runs it before it answers, so such a failure is an error response, not a
 * 200 cut off mid-body.
 */
export function selectExportIds(opts: Pick<ExportOptions, "params" | "where" | "labels">): Promise<string[]> {
  return selectProjectIds({ params: opts.params, where: { ...opts.where, locale: opts.labels.locale } });
}

/**
 * The matching projects in list order, batch by batch. The order is fixed up
 * front as a snapshot of ids (about 40 bytes a project), so batches neither
 * overlap nor skip when projects change during a long export.
 */
async function* projectBatches(opts: ExportOptions) {
  const ids = opts.ids ?? (await selectExportIds(opts));
  const size = opts.batchSize ?? EXPORT_BATCH_SIZE;
  for (let i = 0; i < ids.length; i += size) yield await selectProjectRowsByIds(ids.slice(i, i + size), opts.where);
}

/** The CSV export of the current view, as a stream of UTF-8 (with BOM). */
export function exportProjectsCsv(opts: ExportOptions): ReadableStream<Uint8Array> {
  const columns = projectExportColumns(opts.columns, opts.params.cur);
  async function* lines() {
    yield UTF8_BOM + csvLine(columns.map((c) => opts.labels.header(c.key)));
    for await (const batch of projectBatches(opts)) {
      let chunk = "";
      for (const row of batch) chunk += csvLine(columns.map((c) => csvValue(c.value(row, opts.labels), opts.labels)));
      yield chunk;
    }
  }
  return toByteStream(lines());
}

function toByteStream(source: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await source.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        log().error({ err }, "export failed while streaming");
        controller.error(err);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

const FUZZY_FORMAT: Record<FuzzyDate["precision"], string> = {
  DAY: "yyyy-mm-dd",
  MONTH: "yyyy-mm",
  QUARTER: "yyyy-mm", // plus the quarter note (setCell)
  YEAR: "yyyy",
};

/** Sets one XLSX cell from a typed value: dates as dates (formatted to their precision), percentages as numbers. */
function setCell(cell: ExcelJS.Cell, v: ExportValue, labels: ExportLabels): void {
  switch (v.kind) {
    case "text":
      cell.value = v.value;
      return;
    case "number":
      cell.value = v.value;
      return;
    case "money":
      // Excel holds numbers as doubles: exact to the cent below 10^13, the CSV keeps the exact text.
      cell.value = v.value === null ? null : Number(v.value);
      cell.numFmt = "#,##0.00";
      return;
    case "percent":
      cell.value = v.value === null ? null : v.value / 100;
      cell.numFmt = "0%";
      return;
    case "fuzzyDate":
      if (!v.value) return;
      cell.value = periodOf(v.value).start;
      // Excel formats cannot show a quarter: the quarter's first month, said so in the export's language.
      cell.numFmt = v.value.precision === "QUARTER" ? `yyyy-mm "${labels.quarterNote.replace(/"/g, "")}"` : FUZZY_FORMAT[v.value.precision];
      return;
    case "timestamp":
      cell.value = v.value;
      cell.numFmt = "yyyy-mm-dd hh:mm";
      return;
  }
}

function addRow<Row>(sheet: ExcelJS.Worksheet, columns: ExportColumn<Row>[], row: Row, labels: ExportLabels): void {
  const xlsxRow = sheet.addRow([]);
  columns.forEach((c, i) => setCell(xlsxRow.getCell(i + 1), c.value(row, labels), labels));
  xlsxRow.commit();
}

/**
 * The XLSX export: a Projects sheet (the view's columns) and a Milestones
 * sheet, written by exceljs's streaming writer. Sheets are written one after
 * the other (a zip holds one open entry at a time; a second sheet written
 * alongside would be buffered whole), walking the same id snapshot twice.
 */
export function exportProjectsXlsx(opts: ExportOptions): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const columns = projectExportColumns(opts.columns, opts.params.cur);
  const { labels } = opts;

  void (async () => {
    const ids = await selectProjectIds({ params: opts.params, where: { ...opts.where, locale: labels.locale } });
    const size = opts.batchSize ?? EXPORT_BATCH_SIZE;
    const projects = workbook.addWorksheet(labels.sheet("projects"), { views: [{ state: "frozen", ySplit: 1 }] });
    projects.columns = columns.map((c) => ({ header: labels.header(c.key), key: c.key, width: c.width }));
    projects.getRow(1).font = { bold: true };
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += size) {
      for (const row of await selectProjectRowsByIds(ids.slice(i, i + size), opts.where)) {
        names.set(row.id, labels.name({ en: row.nameEn, zh: row.nameZh }));
        addRow(projects, columns, row, labels);
      }
    }
    projects.commit();

    const milestones = workbook.addWorksheet(labels.sheet("milestones"), { views: [{ state: "frozen", ySplit: 1 }] });
    milestones.columns = MILESTONE_EXPORT.map((c) => ({ header: labels.header(c.key), key: c.key, width: c.width }));
    milestones.getRow(1).font = { bold: true };
    for (let i = 0; i < ids.length; i += size) {
      for (const row of await milestoneRows(ids.slice(i, i + size), names)) addRow(milestones, MILESTONE_EXPORT, row, labels);
    }
    milestones.commit();
    await workbook.commit();
  })().catch((err) => {
    log().error({ err }, "XLSX export failed while streaming");
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });

  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** The milestones of some projects, project by project in the export's order. */
async function milestoneRows(projectIds: string[], names: Map<string, string>): Promise<MilestoneExportRow[]> {
  const prisma = await db();
  const rows = await prisma.milestone.findMany({
    where: { projectId: { in: projectIds } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  const order = new Map(projectIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.projectId)! - order.get(b.projectId)!);
  return rows.map((m) => {
    const milestone: MilestoneView = toMilestoneView(m);
    return { projectName: names.get(m.projectId) ?? "", milestone };
  });
}

/** lodestone-projects-2026-11-25.csv */
export function exportFileName(format: "csv" | "xlsx", now = new Date()): string {
  return `lodestone-projects-${portfolioToday(now)}.${format}`;
}
