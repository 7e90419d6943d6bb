import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HealthBadge } from "@/components/ui/health-badge";
import { LocalizedText } from "@/components/ui/localized-text";
import { listAttentionProjects } from "@/lib/dashboard/attention";
import { atDataVersion } from "@/lib/dashboard/data-version";
import { projectsHref, type DashboardFilters } from "@/lib/dashboard/filters";

/** The off-track and at-risk projects by name, with their health and why: the first screen's answer to "what needs me?". */
export async function AttentionProjects({ filters }: { filters: DashboardFilters }) {
  const [t, format] = await Promise.all([getTranslations("dashboard.attention"), getFormatter()]);
  const list = await atDataVersion("attention", filters, () => listAttentionProjects({ filters }));
  if (list.total === 0) return <p className="rounded-md bg-slate-50 px-3 py-3 text-center text-sm text-slate-700">{t("none")}</p>;
  return (
    <div className="space-y-2 text-sm">
      <ol aria-label={t("listLabel")} className="grid gap-x-6 divide-y divide-slate-200 md:grid-cols-2 md:divide-y-0">
        {list.rows.map((p) => (
          <li key={p.slug} className="flex min-w-0 items-start gap-2 py-1.5">
            <HealthBadge health={p.health} />
            <div className="min-w-0">
              <Link href={`/projects/${encodeURIComponent(p.slug)}`} className="link font-medium">
                <LocalizedText value={{ en: p.name, zh: p.nameZh }} />
              </Link>
              <p className="line-clamp-2 text-slate-700">
                {p.reason ?? t("noReason")}
                {p.since && (
                  <span className="text-slate-600">
                    {" · "}
                    <time dateTime={p.since}>{format.dateTime(new Date(p.since), { dateStyle: "medium" })}</time>
                  </span>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
      <Link href={projectsHref(filters, { health: ["OFF_TRACK", "AT_RISK"] })} className="link inline-block">
        {t("all", { count: list.total })}
      </Link>
    </div>
  );
}
