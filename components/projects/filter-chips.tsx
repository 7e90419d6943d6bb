import Link from "next/link";
import { commodityLabel } from "@/lib/i18n/commodities";
import { getTranslations } from "next-intl/server";
import { NO_REGION, type ProjectListParams } from "@/lib/projects/list-params";
import { projectsHref, withoutFilters } from "./project-list-url";

type ChipKey =
  | "q"
  | "region"
  | "country"
  | "line"
  | "stage"
  | "health"
  | "commodity"
  | "company"
  | "org"
  | "finishAfter"
  | "finishBefore"
  | "due"
  | "stale"
  | "slipping"
  | "overBudget"
  | "cur";
const MULTI = ["region", "country", "line", "stage", "health", "commodity", "company", "org"] as const;

/** What is filtered, one chip per value; each chip is a link to the list without it. */
export async function FilterChips({
  params,
  countryName,
  unitName,
  path,
}: {
  params: ProjectListParams;
  countryName: (code: string) => string;
  unitName: (code: string) => string;
  path?: string;
}) {
  const t = await getTranslations("projects.filters");
  const tEnum = await getTranslations("enums");
  const tCommodity = await getTranslations("commodities");
  const base = { ...params, page: 1 };
  const chips: { key: string; label: string; href: string }[] = [];
  const add = (key: ChipKey, value: string, next: Partial<ProjectListParams>) =>
    chips.push({ key: `${key}-${value}`, label: t(`chip.${key}`, { value }), href: projectsHref({ ...base, ...next }, path) });

  if (params.q) add("q", params.q, { q: undefined, sort: params.sort === "relevance" ? "name" : params.sort });
  const enumLabel = (key: (typeof MULTI)[number], v: string) =>
    key === "region"
      ? v === NO_REGION
        ? t("noRegion")
        : tEnum(`region.${v}` as never)
      : key === "line"
        ? tEnum(`businessLine.${v}` as never)
        : key === "stage"
          ? tEnum(`stage.${v}` as never)
          : key === "health"
            ? tEnum(`health.${v}` as never)
            : key === "country"
              ? countryName(v)
              : key === "commodity"
                ? commodityLabel(tCommodity, v)
                : key === "org"
                  ? unitName(v)
                  : v;
  for (const key of MULTI) for (const v of params[key]) add(key, enumLabel(key, v), { [key]: params[key].filter((x) => x !== v) });
  // A programme chip names the programme by its slug (the list does not load the programme's name).
  const tProgramme = await getTranslations("programmes");
  for (const v of params.programme)
    chips.push({
      key: `programme-${v}`,
      label: tProgramme("chip", { value: v }),
      href: projectsHref({ ...base, programme: params.programme.filter((x) => x !== v) }, path),
    });
  if (params.finishAfter) add("finishAfter", params.finishAfter, { finishAfter: undefined });
  if (params.finishBefore) add("finishBefore", params.finishBefore, { finishBefore: undefined });
  if (params.due) add("due", String(params.due), { due: undefined });
  if (params.stale) add("stale", String(params.stale), { stale: undefined });
  if (params.overBudget !== undefined) add("overBudget", String(params.overBudget), { overBudget: undefined });
  if (params.cur) add("cur", params.cur, { cur: undefined });
  if (params.mine) chips.push({ key: "mine", label: (await getTranslations("uxReview.mine"))("chip"), href: projectsHref({ ...base, mine: false }, path) });
  if (params.slipping) chips.push({ key: "slipping", label: t("chip.slipping", { value: "" }), href: projectsHref({ ...base, slipping: false }, path) });
  if (!chips.length) return null;

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("active")}>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              href={chip.href}
              scroll={false}
              className="inline-flex items-center gap-1 rounded-full border border-blue-300 bg-blue-50 px-3 py-1 text-sm text-blue-900 hover:bg-blue-100"
            >
              {/* the name is in the text, not an aria-label, so label lookups of the filters stay unambiguous */}
              <span className="sr-only">{t("remove", { filter: "" })}</span>
              {chip.label} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={projectsHref({ ...withoutFilters(params), view: params.view ? "none" : undefined }, path)} className="link text-sm">
        {t("clearAll")}
      </Link>
    </div>
  );
}
