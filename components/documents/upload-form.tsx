"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * Attaches a file: the browser sends the file itself as the request body (no
 * multipart), so the server can stream it into the database as it arrives.
 */
export function UploadForm({
  slug,
  target,
  label,
}: {
  slug: string;
  target: { riskId?: string; milestoneId?: string; deliverableId?: string; documentId?: string };
  label: string;
}) {
  const t = useTranslations("documents");
  const id = useId();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload() {
    const file = input.current?.files?.[0];
    if (!file) {
      setStatus({ ok: false, text: t("chooseFile") });
      return;
    }
    setBusy(true);
    setStatus(null);
    const q = new URLSearchParams({ fileName: file.name, ...Object.fromEntries(Object.entries(target).filter(([, v]) => v)) });
    try {
      const res = await fetch(`/api/projects/${encodeURIComponent(slug)}/documents?${q}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/octet-stream" },
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { fields?: { file?: string }; message?: string } };
      if (res.ok) {
        setStatus({ ok: true, text: t("uploaded", { name: file.name }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        const reason = body.error?.fields?.file;
        setStatus({
          ok: false,
          text:
            reason && ["tooLarge", "empty", "typeNotAllowed", "badName", "interrupted"].includes(reason)
              ? t(`errors.${reason}` as "errors.failed")
              : (body.error?.message ?? t("errors.failed")),
        });
      }
    } catch {
      setStatus({ ok: false, text: t("errors.interrupted") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-file`} className="field-label">
          {label}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.doc,.xls,.ppt"
          className="block text-sm"
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {t("hint")}
        </p>
      </div>
      <button type="button" className="btn-secondary" onClick={() => void upload()} disabled={busy}>
        {t("upload")}
      </button>
      <p role="status" className={`text-sm ${status?.ok ? "text-green-800" : "text-red-700"}`}>
        {status?.text}
      </p>
    </div>
  );
}
