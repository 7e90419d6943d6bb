import type { ReportChange } from "./snapshot/types";

type Translate = (key: string) => string;

/**
 * The message values of a "what changed" line in a language: enum values
 * (health, stage, gate decision) as words, the bilingual subject in the
 * reader's language, day counts without their sign (the message says which
 * way). Client-safe: the page (next-intl) and the exports (use-intl/core) share it.
 */
export function changeValues(
  c: ReportChange,
  { zh, enumLabel, reportsLabel }: { zh: boolean; enumLabel: Translate; reportsLabel: Translate },
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(c.params)) out[k] = v ?? "—";
  if (c.kind === "healthMoved" || c.kind === "stageMoved") {
    const ns = c.kind === "healthMoved" ? "health" : "stage";
    out.from = enumLabel(`${ns}.${String(c.params.from)}`);
    out.to = enumLabel(`${ns}.${String(c.params.to)}`);
  }
  if (c.kind === "gateDecided") out.decision = reportsLabel(`decisions.${String(c.params.decision)}`);
  if (zh && c.params.milestoneZh) out.milestone = c.params.milestoneZh;
  if (zh && c.params.nameZh) out.name = c.params.nameZh;
  if (typeof c.params.days === "number") out.days = Math.abs(c.params.days);
  return out;
}
