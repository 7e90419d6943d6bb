import { useLocale, useTranslations } from "next-intl";
import { formatMoney, formatNumber, formatPercent } from "@/components/capex/format";
import type { CapexData } from "@/lib/reports/snapshot/capex";
import type { GatesData } from "@/lib/reports/snapshot/gates";
import type { KpisData } from "@/lib/reports/snapshot/kpis";
import type { RisksData } from "@/lib/reports/snapshot/risks";

/**
 * The capex, KPI, top-risk and gate parts of a report, as its snapshot holds
 * them (a report published before a part existed has none: it is not shown).
 * Definition lists and short lists rather than wide tables: a phone reads them.
 */
export function ReportSections({ snapshot }: { snapshot: Record<string, unknown> }) {
  const capex = snapshot.capex as CapexData | undefined;
  const kpis = snapshot.kpis as KpisData | undefined;
  const risks = snapshot.risks as RisksData | undefined;
  const gates = snapshot.gates as GatesData | undefined;
  return (
    <>
      {capex && <CapexPart capex={capex} />}
      {kpis && <KpiPart kpis={kpis} />}
      {risks && <RiskPart risks={risks} />}
      {gates && <GatePart gates={gates} />}
    </>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

function CapexPart({ capex }: { capex: CapexData }) {
  const t = useTranslations("reports.report");
  const locale = useLocale();
  const money = (v: string | null) => formatMoney(v, capex.currency, locale);
  return (
    <section aria-labelledby="capex-heading">
      <h2 id="capex-heading" className="mb-2 text-lg font-semibold">
        {t("capex")}
      </h2>
      {!capex.hasData ? (
        <p className="text-sm text-slate-600">{t("noCapex")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("capexCurrency", { currency: capex.currency })}</p>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Item label={t("approved")}>{money(capex.approved)}</Item>
            <Item label={t("committed")}>{money(capex.committed)}</Item>
            <Item label={t("actualCost")}>
              {money(capex.actual)}
              {capex.actualThrough && <span className="text-slate-600"> ({t("actualThrough", { period: capex.actualThrough })})</span>}
            </Item>
            <Item label={t("eac")}>{money(capex.eac)}</Item>
            <Item label={t("variance")}>
              {money(capex.variance)}
              {capex.variancePercent !== null && (
                <span className="text-slate-600"> ({t("variancePercent", { value: formatPercent(capex.variancePercent, locale).replace(/%$/, "") })})</span>
              )}
            </Item>
          </dl>
        </>
      )}
    </section>
  );
}

function KpiPart({ kpis }: { kpis: KpisData }) {
  const t = useTranslations("reports.report");
  const locale = useLocale();
  const zh = locale === "zh-CN";
  return (
    <section aria-labelledby="kpis-heading">
      <h2 id="kpis-heading" className="mb-2 text-lg font-semibold">
        {t("kpis", { period: kpis.periodId })}
      </h2>
      {kpis.kpis.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noKpis")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {kpis.kpis.map((k) => (
            <li key={k.key} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span className="font-medium text-slate-900">{zh ? k.nameZh : k.nameEn}</span>
              <span className="tabular-nums">
                {t("kpiActual")} {formatNumber(k.actual, locale)} {k.unit}
                {k.target !== null && (
                  <>
                    {" · "}
                    {t("kpiTarget")} {formatNumber(k.target, locale)}
                  </>
                )}
                {" · "}
                <span className={k.met === false ? "font-medium text-red-700" : k.met ? "text-emerald-800" : "text-slate-600"}>
                  {k.met === null ? t("kpiNoTarget") : k.met ? t("kpiMet") : t("kpiMissed")}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RiskPart({ risks }: { risks: RisksData }) {
  const t = useTranslations("reports.report");
  const zh = useLocale() === "zh-CN";
  return (
    <section aria-labelledby="risks-heading">
      <h2 id="risks-heading" className="mb-2 text-lg font-semibold">
        {t("risks")}
      </h2>
      <p className="mb-2 text-sm text-slate-600">{t("riskCounts", { open: risks.open, high: risks.high })}</p>
      {risks.top.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noRisks")}</p>
      ) : (
        <ol className="divide-y divide-slate-200 text-sm">
          {risks.top.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span>
                <span className="mr-2 font-mono text-slate-600">{r.code}</span>
                {zh && r.titleZh ? r.titleZh : r.titleEn}
              </span>
              <span className="tabular-nums text-slate-700">
                {t("riskScore")} {r.score ?? t("none")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function GatePart({ gates }: { gates: GatesData }) {
  const t = useTranslations("reports.report");
  const tR = useTranslations("reports");
  const zh = useLocale() === "zh-CN";
  const name = (g: { gateEn: string; gateZh: string }) => (zh ? g.gateZh || g.gateEn : g.gateEn);
  return (
    <section aria-labelledby="gates-heading">
      <h2 id="gates-heading" className="mb-2 text-lg font-semibold">
        {t("gates")}
      </h2>
      {!gates.process ? (
        <p className="text-sm text-slate-600">{t("noGates")}</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Item label={t("lastDecision")}>
            {gates.lastDecision
              ? t("gateOn", {
                  gate: name(gates.lastDecision),
                  decision: tR(`decisions.${gates.lastDecision.decision}` as never),
                  date: gates.lastDecision.decidedOn,
                })
              : t("none")}
          </Item>
          <Item label={t("nextReview")}>
            {gates.nextReview
              ? gates.nextReview.plannedOn
                ? t("gatePlanned", { gate: name(gates.nextReview), date: gates.nextReview.plannedOn })
                : t("gateUnplanned", { gate: name(gates.nextReview) })
              : t("none")}
          </Item>
          <Item label={t("openConditions")}>{gates.openConditions}</Item>
          <Item label={t("overdueConditions")}>{gates.overdueConditions}</Item>
        </dl>
      )}
    </section>
  );
}
