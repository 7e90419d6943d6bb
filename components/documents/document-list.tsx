import { useTranslations } from "next-intl";

/** Attached documents, each a download link to its latest version. */
export function DocumentList({ documents }: { documents: { id: string; title: string; versionId: string; number: number; fileName: string; size: number }[] }) {
  const t = useTranslations("documents");
  if (!documents.length) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={`/api/documents/${d.versionId}`} className="link">
            {d.title}
          </a>{" "}
          <span className="text-slate-600">{t("meta", { fileName: d.fileName, number: d.number, kb: Math.max(1, Math.round(d.size / 1024)) })}</span>
        </li>
      ))}
    </ul>
  );
}
