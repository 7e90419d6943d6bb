import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { DEFAULT_LOCALE, isLocale, type AppLocale } from "../i18n/config";
import type { NotificationKind, NotificationParams } from "./notify";

type Messages = typeof en;
const CATALOGS: Record<AppLocale, Messages> = { en, "zh-CN": zh };

/** Text values for ICU placeholders: the project name in the reader's language, nulls as "". */
function values(params: NotificationParams, locale: AppLocale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = v ?? "";
  if (locale === "zh-CN" && params.projectZh) out.project = params.projectZh;
  return out;
}

/** A notification as text in a language: the bell's line and the e-mail's subject and body. */
export function renderNotification(
  kind: NotificationKind,
  params: NotificationParams,
  localeIn: string | null | undefined,
): { locale: AppLocale; title: string; subject: string; body: string } {
  const locale = isLocale(localeIn) ? localeIn : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "notifications" });
  const v = values(params, locale);
  return { locale, title: t(`kinds.${kind}`, v), subject: t(`email.subject`, { title: t(`kinds.${kind}`, v) }), body: t(`email.${kind}`, v) };
}

/** The e-mail: plain text and a minimal HTML twin, with the link to act on. */
export function renderEmail(input: { kind: NotificationKind; params: NotificationParams; locale: string | null; name: string; link: string; baseUrl: string }) {
  const r = renderNotification(input.kind, input.params, input.locale);
  const t = createTranslator({ locale: r.locale, messages: CATALOGS[r.locale], namespace: "notifications.email" });
  const url = `${input.baseUrl.replace(/\/$/, "")}${input.link}`;
  const greeting = t("greeting", { name: input.name });
  const open = t("open");
  const footer = t("footer");
  const text = `${greeting}\n\n${r.body}\n\n${open}: ${url}\n\n${footer}\n`;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html = `<!doctype html><html lang="${r.locale}"><body><p>${esc(greeting)}</p><p>${esc(r.body)}</p><p><a href="${esc(url)}">${esc(open)}</a></p><p style="color:#666">${esc(footer)}</p></body></html>`;
  return { subject: r.subject, text, html, locale: r.locale };
}
