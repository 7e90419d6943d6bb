import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { TokensManager } from "@/components/integrations/tokens-manager";
import { getViewer } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/tokens/list-tokens";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations.tokens");
  return { title: t("personalTitle") };
}

/** One's own API tokens: they act with one's own roles. */
export default async function ProfileTokensPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=%2Fprofile%2Ftokens");
  const [t, rows] = await Promise.all([getTranslations("integrations.tokens"), listApiTokens({ viewer, kind: "personal" })]);
  return (
    <ClientMessages route="profile/tokens">
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("personalTitle")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("personalIntro")}</p>
        <TokensManager kind="personal" rows={rows} />
      </div>
    </ClientMessages>
  );
}
