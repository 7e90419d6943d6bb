import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { CONTENT_LANG_TAG, type ContentLanguage } from "@/lib/i18n/config";
import { localize, secondary, type BilingualText } from "@/lib/i18n/bilingual";

/**
 * A bilingual text (name, summary, milestone title) in the interface's
 * language; when that language is missing, the other one, in its own `lang`
 * and followed by a small tag saying which language it is (and, for screen
 * readers, that no translation exists). Works in server and client components.
 */
export function LocalizedText({ value, className, tagged = true }: { value: BilingualText; className?: string; tagged?: boolean }) {
  const locale = useLocale();
  const shown = localize(value, locale);
  if (!shown) return null;
  return (
    <>
      <span lang={CONTENT_LANG_TAG[shown.lang]} className={className}>
        {shown.text}
      </span>
      {shown.fallback && tagged && (
        <>
          {" "}
          <FallbackTag language={shown.lang} />
        </>
      )}
    </>
  );
}

/** "English" / "中文" after a text shown in the other language than the interface's. */
export function FallbackTag({ language }: { language: ContentLanguage }) {
  const t = useTranslations("bilingual");
  return (
    <small
      className="relative inline-block rounded-sm bg-slate-100 px-1 align-middle text-xs leading-4 font-medium text-slate-600 ring-1 ring-slate-300 ring-inset"
      title={t("fallbackNote", { language })}
    >
      <span aria-hidden="true">{t("fallbackTag", { language })}</span>
      <span className="sr-only">{t("fallbackNote", { language })}</span>
    </small>
  );
}

/** The other language's text as a secondary line, when both exist (a bilingual name under the main one). */
export function SecondaryText({ value, className }: { value: BilingualText; className?: string }) {
  const locale = useLocale();
  const other = secondary(value, locale);
  if (!other) return null;
  return (
    <p lang={CONTENT_LANG_TAG[other.lang]} className={className}>
      {other.text}
    </p>
  );
}

/** A link named by a bilingual text; the fallback tag sits after the link, not in its name. */
export function LocalizedLink({ href, value, className = "link" }: { href: string; value: BilingualText; className?: string }) {
  const locale = useLocale();
  const shown = localize(value, locale);
  if (!shown) return null;
  return (
    <>
      <Link href={href} className={className} lang={CONTENT_LANG_TAG[shown.lang]}>
        {shown.text}
      </Link>
      {shown.fallback && (
        <>
          {" "}
          <FallbackTag language={shown.lang} />
        </>
      )}
    </>
  );
}
