import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/org/admin-nav";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listDeliveries } from "@/lib/jobs/delivery-log";

/** The delivery log of notifications and webhooks (admins). */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<{ channel?: string }> }) {
  await connection();
  const viewer = await requirePagePermission("webhook:manage", "/admin/deliveries");
  const requested = (await searchParams).channel;
  const channel = requested === "webhook" || requested === "email" ? requested : undefined;
  const [t, tInt, lines] = await Promise.all([
    getTranslations("notifications.deliveries"),
    getTranslations("integrations.deliveries"),
    listDeliveries({ viewer, channel }),
  ]);
  return (
    <div className="space-y-4">
      <AdminNav current="deliveries" />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <nav aria-label={tInt("filterLabel")} className="flex gap-3 text-sm">
        {([undefined, "webhook", "email"] as const).map((c) => (
          <Link
            key={c ?? "all"}
            href={c ? `/admin/deliveries?channel=${c}` : "/admin/deliveries"}
            aria-current={c === channel ? "page" : undefined}
            className={c === channel ? "font-semibold underline" : "hover:underline"}
          >
            {tInt(`channels.${c ?? "all"}`)}
          </Link>
        ))}
      </nav>
      <p className="max-w-3xl text-sm text-slate-600">{tInt("retryNote")}</p>
      {lines.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-300">
              <tr>
                {(["at", "channel", "topic", "target", "outcome", "detail"] as const).map((k) => (
                  <th key={k} scope="col" className="py-2 pr-4 font-medium">
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <time dateTime={l.at}>{l.at.replace("T", " ").slice(0, 19)}</time>
                  </td>
                  <td className="py-2 pr-4">{l.channel}</td>
                  <td className="py-2 pr-4">{l.topic}</td>
                  <td className="py-2 pr-4 break-all">{l.target}</td>
                  <td className={`py-2 pr-4 ${l.ok ? "text-emerald-800" : "text-red-700"}`}>
                    {l.ok ? t("ok") : t("failed")} {l.status ?? ""} · {t(`states.${l.state}` as never)} · {tInt("attempts", { count: l.attempt })}
                    {l.nextAttemptAt && (
                      <>
                        {" "}
                        · {tInt("nextAt")} <time dateTime={l.nextAttemptAt}>{l.nextAttemptAt.replace("T", " ").slice(0, 19)}</time>
                      </>
                    )}
                  </td>
                  <td className="py-2 pr-4 break-all">{l.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
