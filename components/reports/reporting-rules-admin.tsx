import { getLocale, getTranslations } from "next-intl/server";
import { formatMessage } from "@/lib/i18n/format-message";
import type { Message } from "@/lib/i18n/message";
import { AdminHeader } from "@/components/org/admin-nav";
import type { OrgUnitNode } from "@/lib/org/org-units";
import { clearRuleAction, setRuleAction } from "@/lib/reports/rule-actions";
import type { RuleRow } from "@/lib/reports/reporting-rules";

const input = "mt-1 block w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm min-h-11";
const button =
  "min-h-11 rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2";
const secondary = "min-h-11 rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100";
const card = "space-y-3 rounded-lg border border-slate-300 bg-white p-4 shadow-xs";
const FIELDS = ["dueDay", "remindDaysBefore", "pmoGraceDays", "groupGraceDays"] as const;

/**
 * When reports are due and when a missing one escalates: the group default
 * and each unit's own rule (a unit's subtree inherits it). One plain form per
 * rule, each a single audited mutation on the server.
 */
export async function ReportingRulesAdmin({ rules, units, done, error }: { rules: RuleRow[]; units: OrgUnitNode[]; done: boolean; error: Message[] | null }) {
  const [t, tServer, locale] = await Promise.all([getTranslations("reportingRules"), getTranslations("serverMessages"), getLocale()]);
  const zh = locale === "zh-CN";
  const withRule = new Set(rules.map((r) => r.unit));
  const free = units.filter((u) => !u.archived && u.depth > 0 && !withRule.has(u.code));
  const fields = (prefix: string, rule: RuleRow["rule"]) => (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {FIELDS.map((f) => (
        <label key={f} className="block text-sm font-medium text-slate-800" htmlFor={`${prefix}-${f}`}>
          {t(`fields.${f}`)}
          <input
            id={`${prefix}-${f}`}
            name={f}
            type="number"
            inputMode="numeric"
            required
            min={f === "dueDay" ? 1 : 0}
            max={f === "dueDay" ? 28 : 90}
            defaultValue={rule[f]}
            className={input}
          />
        </label>
      ))}
    </div>
  );
  const reason = (prefix: string) => (
    <label className="block text-sm font-medium text-slate-800" htmlFor={`${prefix}-reason`}>
      {t("reason")}
      <input id={`${prefix}-reason`} name="reason" maxLength={500} className={input} />
    </label>
  );
  return (
    <div className="space-y-6">
      <AdminHeader current="reporting" title={t("title")} intro={t("intro")} />
      <div role="status" className="min-h-6 text-sm font-medium text-emerald-800">
        {done && t("done")}
      </div>
      {error && (
        <div role="alert" className="text-sm font-medium text-red-700">
          {t("failed", { message: error.map((m) => formatMessage(tServer, m)).join(" ") })}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {rules.map((r) => {
          const prefix = `rule-${r.unit || "group"}`;
          const title = r.unit ? t("unitRule", { unit: `${r.unit} · ${zh && r.unitNameZh ? r.unitNameZh : r.unitNameEn}` }) : t("groupRule");
          return (
            <section key={prefix} aria-labelledby={`${prefix}-heading`} className={card}>
              <h2 id={`${prefix}-heading`} className="font-semibold">
                {title}
              </h2>
              <p className="text-sm text-slate-600">
                {t("summary", { dueDay: r.rule.dueDay, remind: r.rule.remindDaysBefore, pmo: r.rule.pmoGraceDays, group: r.rule.groupGraceDays })}
              </p>
              <form action={setRuleAction} className="space-y-3" aria-label={t("saveRule", { rule: title })}>
                <input type="hidden" name="unit" value={r.unit} />
                <input type="hidden" name="version" value={r.version} />
                {fields(prefix, r.rule)}
                {reason(prefix)}
                <button type="submit" className={button}>
                  {t("save")}
                </button>
              </form>
              {r.unit && (
                <form action={clearRuleAction} aria-label={t("clearRule", { rule: title })}>
                  <input type="hidden" name="unit" value={r.unit} />
                  <input type="hidden" name="version" value={r.version} />
                  <button type="submit" className={secondary}>
                    {t("clear")}
                  </button>
                </form>
              )}
            </section>
          );
        })}
        {free.length > 0 && (
          <section aria-labelledby="rule-new-heading" className={card}>
            <h2 id="rule-new-heading" className="font-semibold">
              {t("newRule")}
            </h2>
            <form action={setRuleAction} className="space-y-3" aria-label={t("newRule")}>
              <input type="hidden" name="version" value="0" />
              <label className="block text-sm font-medium text-slate-800" htmlFor="rule-new-unit">
                {t("unit")}
                <select id="rule-new-unit" name="unit" required className={input}>
                  {free.map((u) => (
                    <option key={u.code} value={u.code}>
                      {`${"— ".repeat(Math.max(0, u.depth - 1))}${u.code} · ${zh && u.nameZh ? u.nameZh : u.nameEn}`}
                    </option>
                  ))}
                </select>
              </label>
              {fields("rule-new", rules[0].rule)}
              {reason("rule-new")}
              <button type="submit" className={button}>
                {t("add")}
              </button>
            </form>
          </section>
        )}
      </div>
    </div>
  );
}
