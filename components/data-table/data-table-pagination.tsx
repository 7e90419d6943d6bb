"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { PageSizeSelect } from "./page-size-select";

export interface DataTablePaginationProps {
  page: number;
  pageCount: number;
  canPrevious: boolean;
  canNext: boolean;
  pageHref: (page: number) => string;
  pageSize: number;
  pageSizes: readonly number[];
  pageSizeHref: (pageSize: number) => string;
  /** The list's other URL parameters, kept by the no-JavaScript page-size form. */
  hiddenParams: [string, string][];
  action: string;
}

/** Previous/next links, "Page 1 of 3" and the page-size choice; every control is a plain link or GET form. */
export function DataTablePagination(props: DataTablePaginationProps) {
  const t = useTranslations("pagination");
  const { page, pageCount, canPrevious, canNext, pageHref } = props;
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-4">
      <PageSizeSelect
        pageSize={props.pageSize}
        pageSizes={props.pageSizes}
        pageSizeHref={props.pageSizeHref}
        hiddenParams={props.hiddenParams}
        action={props.action}
      />
      <div className="flex items-center gap-3">
        <PageLink href={canPrevious ? pageHref(page - 1) : null} label={t("previousLabel")}>
          <span aria-hidden="true">←</span> {t("previous")}
        </PageLink>
        <p className="text-sm text-slate-700 tabular-nums">{t("pageOf", { page, pageCount: Math.max(pageCount, 1) })}</p>
        <PageLink href={canNext ? pageHref(page + 1) : null} label={t("nextLabel")}>
          {t("next")} <span aria-hidden="true">→</span>
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  const className = "btn-secondary h-9 px-3";
  if (!href)
    return (
      // Not a link at the first/last page: nothing to activate, nothing to focus.
      <span className={`${className} cursor-not-allowed border-slate-300 text-slate-500 hover:bg-white`}>{children}</span>
    );
  return (
    <Link href={href} aria-label={label} className={className}>
      {children}
    </Link>
  );
}
