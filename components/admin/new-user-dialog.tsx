"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useMessage } from "@/components/ui/form";
import type { Message } from "@/lib/i18n/message";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/admin-users.validation";
import { ROLES } from "@/lib/auth/permissions";
import { Dialog } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Feedback } from "./user-row";

type Field = "name" | "email" | "role" | "unitCode" | "password" | "reason";
const FIELDS: Field[] = ["name", "email", "role", "unitCode", "password", "reason"];

/**
 * "New user" on the admin page: a form in a dialog that calls the same audited
 * createUser as the API and the CLI (the server validates, checks the unit is
 * the admin's, and records the audit entry). Errors stay next to their field.
 */
export function NewUserDialog({ units, onFeedback }: { units: { value: string; label: string }[]; onFeedback: (feedback: Feedback) => void }) {
  const translate = useMessage();
  const t = useTranslations("uxReview.newUser");
  const tRole = useTranslations("roles");
  const id = useId();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<{ message: Message; fields: Partial<Record<Field, Message>> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const opener = useRef<HTMLButtonElement>(null);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? "")]).filter(([f, v]) => v !== "" || f !== "unitCode"));
    startTransition(async () => {
      const result = await createUserAction(input);
      if (result.ok) {
        setErrors(null);
        setOpen(false);
        onFeedback({ kind: "ok", message: t("created", { email: result.data.email }) });
      } else {
        setErrors({ message: result.error.message, fields: result.error.fields ?? {} });
      }
    });
  }

  const describedBy = (f: Field, hint?: boolean) =>
    [hint ? `${id}-${f}-hint` : "", errors?.fields[f] ? `${id}-${f}-error` : ""].filter(Boolean).join(" ") || undefined;
  const fieldError = (f: Field) =>
    errors?.fields[f] ? (
      <p id={`${id}-${f}-error`} className="mt-1 text-sm text-red-700">
        {translate(errors.fields[f])}
      </p>
    ) : null;

  return (
    <>
      <button ref={opener} type="button" className="btn-primary" disabled={!hydrated} onClick={() => (setErrors(null), setOpen(true))}>
        {t("open")}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={`${id}-title`} returnFocus={() => opener.current}>
        <form
          noValidate
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            submit(e.currentTarget);
          }}
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {t("title")}
          </h2>
          {errors && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {translate(errors.message)}
            </p>
          )}
          <div>
            <label htmlFor={`${id}-name`} className="field-label">
              {t("name")}
            </label>
            <input
              id={`${id}-name`}
              name="name"
              data-autofocus
              required
              maxLength={200}
              autoComplete="off"
              aria-invalid={!!errors?.fields.name || undefined}
              aria-describedby={describedBy("name")}
              className="field-control"
            />
            {fieldError("name")}
          </div>
          <div>
            <label htmlFor={`${id}-email`} className="field-label">
              {t("email")}
            </label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              required
              maxLength={320}
              autoComplete="off"
              aria-invalid={!!errors?.fields.email || undefined}
              aria-describedby={describedBy("email")}
              className="field-control"
            />
            {fieldError("email")}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-role`} className="field-label">
                {t("role")}
              </label>
              <select id={`${id}-role`} name="role" defaultValue="staff" aria-describedby={describedBy("role")} className="field-control">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tRole(r)}
                  </option>
                ))}
              </select>
              {fieldError("role")}
            </div>
            <div>
              <label htmlFor={`${id}-unit`} className="field-label">
                {t("unit")}
              </label>
              <select
                id={`${id}-unit`}
                name="unitCode"
                defaultValue={units[0]?.value ?? ""}
                aria-describedby={describedBy("unitCode")}
                className="field-control"
              >
                {units.map((u) => (
                  <option key={u.value} value={u.value}>
                    {u.label}
                  </option>
                ))}
              </select>
              {fieldError("unitCode")}
            </div>
          </div>
          <div>
            <label htmlFor={`${id}-password`} className="field-label">
              {t("password")}
            </label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autoComplete="new-password"
              aria-invalid={!!errors?.fields.password || undefined}
              aria-describedby={describedBy("password", true)}
              className="field-control"
            />
            <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-600">
              {t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
            </p>
            {fieldError("password")}
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="field-label">
              {t("reason")}
            </label>
            <textarea id={`${id}-reason`} name="reason" rows={2} maxLength={2000} aria-describedby={describedBy("reason")} className="field-control" />
            {fieldError("reason")}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className="btn-primary" disabled={isPending}>
              {t("submit")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
