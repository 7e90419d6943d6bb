import type { FieldSpec } from "./mutation-form";
import { ACTION_STATUSES, ASSESSMENT_KINDS, RISK_CATEGORIES, RISK_KINDS, RISK_RESPONSES, RISK_STATUSES } from "@/lib/risks/enums";
import type { MatrixDefinition } from "@/lib/risks/matrix";

/** The fields of the risk forms, labelled by the caller's translator. */
// Any translator of the "risks" namespace; keys are built from the enums, so they are checked by the catalog parity test, not the compiler.
type T = (key: never, values?: never) => string;
const call = (t: T, key: string, values?: Record<string, string | number>) =>
  (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
const opts = (values: readonly string[], t: T, prefix: string) => values.map((v) => ({ value: v, label: call(t, `${prefix}.${v}`) }));

export function riskCreateFields(t: T, people: { id: string; name: string }[]): FieldSpec[] {
  return [
    { name: "titleEn", label: call(t, "fields.titleEn"), kind: "text", required: true },
    { name: "titleZh", label: call(t, "fields.titleZh"), kind: "text" },
    { name: "category", label: call(t, "fields.category"), kind: "select", required: true, options: opts(RISK_CATEGORIES, t, "category") },
    { name: "kind", label: call(t, "fields.kind"), kind: "select", required: true, options: opts(RISK_KINDS, t, "kind") },
    { name: "ownerId", label: call(t, "fields.owner"), kind: "select", options: people.map((p) => ({ value: p.id, label: p.name })) },
    { name: "nextReviewOn", label: call(t, "fields.nextReviewOn"), kind: "date" },
    { name: "causeEn", label: call(t, "fields.cause"), kind: "textarea" },
    { name: "eventEn", label: call(t, "fields.event"), kind: "textarea" },
    { name: "effectEn", label: call(t, "fields.effect"), kind: "textarea" },
  ];
}

export function riskEditFields(
  t: T,
  people: { id: string; name: string }[],
  current: {
    status: string;
    response: string | null;
    ownerId: string | null;
    nextReviewOn: string | null;
    occurredNote: string | null;
    occurredLink: string | null;
  },
): FieldSpec[] {
  return [
    {
      name: "status",
      label: call(t, "fields.status"),
      kind: "select",
      required: true,
      options: opts(RISK_STATUSES, t, "status"),
      defaultValue: current.status,
    },
    { name: "response", label: call(t, "fields.response"), kind: "select", options: opts(RISK_RESPONSES, t, "response"), defaultValue: current.response ?? "" },
    {
      name: "ownerId",
      label: call(t, "fields.owner"),
      kind: "select",
      options: people.map((p) => ({ value: p.id, label: p.name })),
      defaultValue: current.ownerId ?? "",
    },
    { name: "nextReviewOn", label: call(t, "fields.nextReviewOn"), kind: "date", defaultValue: current.nextReviewOn ?? "" },
    { name: "occurredNote", label: call(t, "fields.occurredNote"), kind: "textarea", defaultValue: current.occurredNote ?? "" },
    {
      name: "occurredLink",
      label: call(t, "fields.occurredLink"),
      kind: "text",
      defaultValue: current.occurredLink ?? "",
      hint: call(t, "fields.occurredLinkHint"),
    },
  ];
}

export function assessmentFields(t: T, matrix: MatrixDefinition, pick: (x: { en: string; zh: string }) => string): FieldSpec[] {
  const levels = (l: MatrixDefinition["impactLevels"]) => l.map((x) => ({ value: String(x.level), label: `${x.level} · ${pick(x)}` }));
  return [
    { name: "kind", label: call(t, "fields.assessmentKind"), kind: "select", required: true, options: opts(ASSESSMENT_KINDS, t, "assessmentKind") },
    {
      name: "probability",
      label: call(t, "fields.probability"),
      kind: "select",
      required: true,
      valueType: "number",
      options: levels(matrix.probabilityLevels),
    },
    ...matrix.dimensions.map((d): FieldSpec => ({
      name: `impacts.${d.key}`,
      label: call(t, "fields.impactOn", { dimension: pick(d) }),
      kind: "select",
      valueType: "number",
      options: levels(matrix.impactLevels),
    })),
    { name: "note", label: call(t, "fields.note"), kind: "textarea" },
  ];
}

export function actionFields(t: T, people: { id: string; name: string }[]): FieldSpec[] {
  return [
    { name: "title", label: call(t, "fields.actionTitle"), kind: "text", required: true },
    { name: "ownerId", label: call(t, "fields.owner"), kind: "select", options: people.map((p) => ({ value: p.id, label: p.name })) },
    { name: "dueOn", label: call(t, "fields.dueOn"), kind: "date" },
    { name: "status", label: call(t, "fields.actionStatus"), kind: "select", required: true, options: opts(ACTION_STATUSES, t, "actionStatus") },
  ];
}
