/**
 * The e2e suite's SMTP sink: a real SMTP server (smtp-server) on loopback that
 * the e2e app server sends its notification e-mails to (SMTP_URL in
 * playwright.config.ts). Playwright starts it before the app; each mail is
 * parsed (mailparser) and appended as one JSON line to SMTP_SINK_FILE, which
 * the specs read (e2e/reports-cycle.spec.ts). Nothing leaves the machine.
 */
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.SMTP_SINK_PORT);
const file = path.resolve(process.env.SMTP_SINK_FILE ?? ".data/e2e/smtp-sink.jsonl");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, "");

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((m) => {
        const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
        const line = { to, subject: m.subject ?? "", text: m.text ?? "", language: m.headers.get("content-language") ?? null, at: new Date().toISOString() };
        fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
        callback();
      })
      .catch((err: Error) => callback(err));
  },
});
server.listen(port, "127.0.0.1", () => console.log(`SMTP sink on 127.0.0.1:${port} → ${file}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close(() => process.exit(0)));
