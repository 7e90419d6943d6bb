import { useLocale, useTranslations } from "next-intl";
import { FallbackTag } from "@/components/ui/localized-text";
import { contentLanguage } from "@/lib/i18n/config";
import { SOURCE_IMPORT_AUTHOR } from "@/lib/history/import-author";

/** A history entry's author: the seed's "Source import" in the reader's language, a person's name as it is. */
export function EntryAuthor({ name }: { name: string }) {
  const t = useTranslations("uxReview.history");
  return <>{name === SOURCE_IMPORT_AUTHOR ? t("sourceImport") : name}</>;
}

/**
 * A history entry's comment. An imported entry's comment was written by the
 * import in English ("Imported from …"): in a Chinese interface it is marked
 * as English, like any content shown without a translation.
 */
export function EntryComment({ comment, origin, className }: { comment: string; origin: string; className: string }) {
  const locale = useLocale();
  const foreign = origin === "IMPORT" && contentLanguage(locale) !== "en";
  return (
    <p className={className}>
      <span lang={origin === "IMPORT" ? "en" : undefined}>{comment}</span>
      {foreign && (
        <>
          {" "}
          <FallbackTag language="en" />
        </>
      )}
    </p>
  );
}
