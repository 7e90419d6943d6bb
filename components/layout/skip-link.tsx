import { getTranslations } from "next-intl/server";

export async function SkipLink() {
  const t = await getTranslations("layout");
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-blue-800 shadow-lg focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
    >
      {t("skipToContent")}
    </a>
  );
}
