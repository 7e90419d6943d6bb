"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney, formatPercent } from "@/components/capex/format";
import { createColumnHelper, type CellContext, type CellData, type HeaderContext } from "@tanstack/react-table";
import { HealthBadge } from "@/components/ui/health-badge";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import { LocalizedLink, LocalizedText, SecondaryText } from "@/components/ui/localized-text";
import type { ServerTableFeatures } from "@/components/data-table/server-table-features";
import type { ProjectColumnId } from "@/lib/projects/columns";
import { commodityLabel } from "@/lib/i18n/commodities";
import { monolingual } from "@/lib/i18n/bilingual";
import type { ProjectListItem } from "./project-list-types";

/**
 * The projects table's columns. A column's id is its sort key in the URL
 * (lib/projects/list-params SORT_KEYS); "nextMilestone" is not sortable.
 */
type ColumnId = ProjectColumnId;

const helper = createColumnHelper<ServerTableFeatures, ProjectListItem>();

export const projectColumns = helper.columns([
  helper.accessor("nameEn", {
    id: "name" satisfies ColumnId,
    header: ColumnHeader,
    cell: NameCell,
    meta: { isRowHeader: true, className: "min-w-48 xl:min-w-64" },
  }),
  helper.accessor("region", {
    id: "region" satisfies ColumnId,
    header: ColumnHeader,
    cell: RegionCell,
  }),
  helper.accessor("countryName", {
    id: "country" satisfies ColumnId,
    header: ColumnHeader,
    cell: TextCell,
  }),
  helper.accessor("businessLine", {
    id: "businessLine" satisfies ColumnId,
    header: ColumnHeader,
    cell: BusinessLineCell,
  }),
  helper.accessor("stage", {
    id: "stage" satisfies ColumnId,
    header: ColumnHeader,
    cell: StageCell,
    meta: { className: "whitespace-nowrap" },
  }),
  helper.accessor("health", {
    id: "health" satisfies ColumnId,
    header: ColumnHeader,
    cell: ({ getValue }) => <HealthBadge health={getValue()} />,
  }),
  helper.accessor("progressPercent", {
    id: "progress" satisfies ColumnId,
    header: ColumnHeader,
    cell: ProgressCell,
    meta: { align: "end" },
  }),
  helper.accessor("nextMilestone", {
    id: "nextMilestone" satisfies ColumnId,
    header: ColumnHeader,
    cell: NextMilestoneCell,
    enableSorting: false,
    meta: { className: "min-w-36" },
  }),
  helper.accessor("forecastFinish", {
    id: "finish" satisfies ColumnId,
    header: ColumnHeader,
    cell: ({ getValue }) => {
      const value = getValue();
      return value ? <FuzzyDateText value={value} /> : <Empty />;
    },
    meta: { className: "whitespace-nowrap" },
  }),
  helper.accessor("operatingCompany", {
    id: "company" satisfies ColumnId,
    header: ColumnHeader,
    cell: CompanyCell,
    enableSorting: false,
  }),
  helper.accessor("organization", {
    id: "organization" satisfies ColumnId,
    header: ColumnHeader,
    cell: OrganizationCell,
    enableSorting: false,
  }),
  helper.accessor("commodities", {
    id: "commodities" satisfies ColumnId,
    header: ColumnHeader,
    cell: CommoditiesCell,
    enableSorting: false,
  }),
  helper.accessor("programme", {
    id: "programme" satisfies ColumnId,
    header: ColumnHeader,
    cell: ProgrammeCell,
    enableSorting: false,
  }),
  helper.accessor("capex", {
    id: "budget" satisfies ColumnId,
    header: ColumnHeader,
    cell: (ctx) => <MoneyCell {...ctx} figure="budget" />,
    enableSorting: false,
    meta: { align: "end", className: "whitespace-nowrap" },
  }),
  helper.accessor("capex", {
    id: "eac" satisfies ColumnId,
    header: ColumnHeader,
    cell: (ctx) => <MoneyCell {...ctx} figure="eac" />,
    enableSorting: false,
    meta: { align: "end", className: "whitespace-nowrap" },
  }),
  helper.accessor("capex", {
    id: "variance" satisfies ColumnId,
    header: ColumnHeader,
    cell: VarianceCell,
    sortDescFirst: true, // the largest overrun is the useful first click
    meta: { align: "end" },
  }),
  helper.accessor("updatedAt", {
    id: "updated" satisfies ColumnId,
    header: ColumnHeader,
    cell: UpdatedCell,
    sortDescFirst: true, // newest first is the useful first click
    meta: { className: "whitespace-nowrap" },
  }),
]);

type Cell<TValue> = CellContext<ServerTableFeatures, ProjectListItem, TValue>;

function ColumnHeader<TValue extends CellData>({ column }: HeaderContext<ServerTableFeatures, ProjectListItem, TValue>) {
  const t = useTranslations("projects.columns");
  return t(column.id as ColumnId);
}

function NameCell({ row }: Cell<string>) {
  const { slug, nameEn, nameZh, managedByMe } = row.original;
  return (
    <div>
      <LocalizedLink href={`/projects/${slug}`} value={{ en: nameEn, zh: nameZh }} />
      {managedByMe && (
        <>
          {" "}
          <ManagedMarker />
        </>
      )}
      <SecondaryText value={{ en: nameEn, zh: nameZh }} className="mt-0.5 text-slate-600" />
    </div>
  );
}

/** "You manage this project": a small badge after the name, in words for screen readers too. */
function ManagedMarker() {
  const t = useTranslations("uxReview.mine");
  return (
    <small className="inline-block rounded-sm bg-emerald-50 px-1 align-middle text-xs leading-4 font-medium text-emerald-800 ring-1 ring-emerald-300 ring-inset">
      {t("marker")}
    </small>
  );
}

function ProgrammeCell({ getValue }: Cell<ProjectListItem["programme"]>) {
  const programme = getValue();
  if (!programme) return <Empty />;
  return <LocalizedLink href={`/projects/${programme.slug}`} value={{ en: programme.nameEn, zh: programme.nameZh }} />;
}

function Empty() {
  const t = useTranslations("common");
  return <span className="text-slate-500">{t("empty")}</span>;
}

function TextCell({ getValue }: Cell<string | null>) {
  const value = getValue();
  return value ? value : <Empty />;
}

// Free text in the language it was written in: tagged when that is not the interface's (issue 17.6).
function CompanyCell({ getValue }: Cell<string | null>) {
  const value = getValue();
  return value ? <LocalizedText value={monolingual(value)} /> : <Empty />;
}

function OrganizationCell({ getValue }: Cell<ProjectListItem["organization"]>) {
  const value = getValue();
  return value ? <LocalizedText value={{ en: value.nameEn, zh: value.nameZh }} /> : <Empty />;
}

function RegionCell({ getValue }: Cell<ProjectListItem["region"]>) {
  const t = useTranslations("enums.region");
  const value = getValue();
  return value ? t(value) : <Empty />;
}

function BusinessLineCell({ getValue }: Cell<ProjectListItem["businessLine"]>) {
  const t = useTranslations("enums.businessLine");
  return t(getValue());
}

function StageCell({ getValue }: Cell<ProjectListItem["stage"]>) {
  const t = useTranslations("enums.stage");
  return t(getValue());
}

function ProgressCell({ getValue }: Cell<number | null>) {
  const t = useTranslations("common");
  const value = getValue();
  if (value === null) return <Empty />;
  return (
    <div className="flex flex-col items-end gap-1">
      <span>{t("percent", { value })}</span>
      <span aria-hidden="true" className="block h-1 w-16 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full bg-blue-600" style={{ width: `${Math.min(Math.max(value, 0), 100)}%` }} />
      </span>
    </div>
  );
}

function NextMilestoneCell({ getValue }: Cell<ProjectListItem["nextMilestone"]>) {
  const next = getValue();
  if (!next) return <Empty />;
  return (
    <div>
      <span className="block">
        <LocalizedText value={{ en: next.title, zh: next.titleZh }} />
      </span>
      <span className="block text-slate-600">
        <FuzzyDateText value={next.due} />
        {next.overdue && <OverdueTag />}
      </span>
    </div>
  );
}

function OverdueTag() {
  const t = useTranslations("projects.list");
  return (
    <span className="ml-1.5 inline-flex items-center gap-1 rounded-sm bg-red-50 px-1.5 text-xs font-medium whitespace-nowrap text-red-800 ring-1 ring-red-700/30 ring-inset">
      <span aria-hidden="true">!</span>
      {t("overdue")}
    </span>
  );
}

function UpdatedCell({ getValue }: Cell<string>) {
  const format = useFormatter();
  const iso = getValue();
  return <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "medium" })}</time>;
}

function CommoditiesCell({ getValue }: Cell<string[]>) {
  const t = useTranslations("commodities");
  const tCommon = useTranslations("common");
  const values = getValue();
  return values.length ? values.map((c) => commodityLabel(t, c)).join(tCommon("listSeparator")) : <Empty />;
}

/**
 * An amount in the project's currency (the column never adds currencies: each
 * cell names its own), and below it the roll-up figure when the reader chose
 * a roll-up currency (converted on each line with its rate set; the sets are
 * named beside the roll-up choice).
 */
function MoneyCell({ getValue, row, figure }: Cell<ProjectListItem["capex"]> & { figure: "budget" | "eac" }) {
  const locale = useLocale();
  const capex = getValue();
  const amount = capex?.[figure] ?? null;
  if (!capex || amount === null) return <Empty />;
  const rollup = row.original.rollup;
  const converted = rollup && rollup !== capex.currency ? capex.converted[rollup][figure] : null;
  return (
    <div className="flex flex-col items-end">
      <span>{formatMoney(amount, capex.currency, locale)}</span>
      {converted !== null && <span className="text-xs text-slate-600">{formatMoney(converted, rollup!, locale)}</span>}
    </div>
  );
}

function VarianceCell({ getValue }: Cell<ProjectListItem["capex"]>) {
  const locale = useLocale();
  const value = getValue()?.variancePercent ?? null;
  if (value === null) return <Empty />;
  const over = Number(value) > 0;
  return <span className={over ? "font-medium text-red-800" : undefined}>{formatPercent(value, locale)}</span>;
}
