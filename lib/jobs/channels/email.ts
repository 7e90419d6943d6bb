import nodemailer from "nodemailer";
import type { EmailPayload } from "../../notifications/notify";
import { renderEmail } from "../../notifications/email-template";
import type { ChannelHandler } from "../runner";

export interface EmailChannelOptions {
  /** smtp://… or smtps://…; undefined: e-mail is off (messages are marked done, not sent) */
  smtpUrl: string | undefined;
  from: string;
  baseUrl: string;
  timeoutMs?: number;
}

/** Sends notification e-mails over SMTP (nodemailer), each in its recipient's language. */
export function emailChannel(opts: EmailChannelOptions): ChannelHandler {
  const timeout = opts.timeoutMs ?? 15_000;
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout } as never)
    : null;
  return async (message) => {
    const p = message.payload as EmailPayload;
    if (!p.send) return { ok: true, detail: "in-app only" };
    if (!transport) return { ok: true, detail: "e-mail not configured (SMTP_URL unset): not sent" };
    const mail = renderEmail({ kind: p.kind, params: p.params, locale: p.locale, name: p.name, link: p.link, baseUrl: opts.baseUrl });
    const info = await transport.sendMail({
      from: opts.from,
      to: p.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { "Content-Language": mail.locale, "X-Lodestone-Message": message.id },
    });
    const code = Number(/^(\d{3})/.exec(info.response ?? "")?.[1] ?? 250);
    return { ok: true, status: code, detail: info.response ?? "" };
  };
}
