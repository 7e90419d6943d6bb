import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { signInSchema } from "../../lib/auth/sign-in.validation";
import { rateSetCreateSchema } from "../../lib/capex/capex.validation";
import { ERROR_STATUS } from "../../lib/errors";
import { milestoneCreateSchema, milestoneUpdateSchema } from "../../lib/milestones/milestone.validation";
import { HEALTHS, MILESTONE_STATES, STAGES } from "../../lib/projects/enums";
import { projectUpdateSchema } from "../../lib/projects/project-update.validation";
import { tokenCreateSchema } from "../../lib/tokens/token.validation";
import { text as textField } from "../../lib/validation/text";
import { defaultViewSchema, preferencesSchema, viewInputSchema, viewUpdateSchema } from "../../lib/views/view.validation";

/** What /api/auth/update-user accepts as a display name (lib/auth/auth-route.ts). */
const displayName = textField({ max: 100, required: true });
import { actionCreateSchema, actionUpdateSchema, assessmentSchema, riskCreateSchema, riskUpdateSchema } from "../../lib/risks/risk.validation";
import {
  approverResponseSchema,
  conditionCreateSchema,
  conditionUpdateSchema,
  decideSchema,
  reviewCreateSchema,
  reviewUpdateSchema,
  setProcessSchema,
} from "../../lib/gates/gate.validation";
import { ADMIN, createPgliteDb, dataChecksum, MANAGER, seed, signIn, startApp, stopApp, withDb, type App, type TestDb } from "./harness";

/**
 * Bad input at volume: random and malformed payloads to every mutation
 * endpoint, as a signed-in manager allowed to change the project. Every
 * answer is a 4xx with a JSON error; the server stays up; no data changes.
 * Fixed seed, bounded runs: a failure replays exactly.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = 20261125;
const SLUG = "chentaigou-iron-mine";

type Body = { kind: "json"; value: unknown } | { kind: "raw"; text: string | Uint8Array; contentType?: string };

/** Any JSON value, or an object with the endpoint's own keys holding values of any type (the likeliest to get past a shallow check). */
function payloads(keys: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Body> {
  const anyValue = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.constantFrom(null, true, -1, 0, 1.5, 1e308, -0, "", "0", [], {}),
  );
  const nearValid = fc.record(Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, fc.oneof(v, anyValue)])), { requiredKeys: [] });
  const withExtra = fc.tuple(nearValid, fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a }));
  const json: fc.Arbitrary<Body> = fc.oneof(anyValue, nearValid, withExtra).map((value) => ({ kind: "json", value }));
  const raw: fc.Arbitrary<Body> = fc.oneof(
    // not JSON at all
    fc
      .string({ maxLength: 300 })
      .filter((t) => !parses(t))
      .map((text) => ({ kind: "raw" as const, text })),
    fc.constantFrom("{", '{"version":', "[1,2", "nul", "{'a':1}", '{"a":1}}', "\u0000", "").map((text) => ({ kind: "raw" as const, text })),
    // deep nesting, within and beyond the size limit
    fc.integer({ min: 50, max: 40_000 }).map((d) => ({ kind: "raw" as const, text: "[".repeat(d) + "]".repeat(d) })),
    fc.integer({ min: 50, max: 20_000 }).map((d) => ({ kind: "raw" as const, text: '{"a":'.repeat(d) + "1" + "}".repeat(d) })),
    // huge strings
    fc
      .integer({ min: 1_000, max: 200_000 })
      .map((n) => ({ kind: "raw" as const, text: JSON.stringify({ version: 1, comment: "é".repeat(n), title: "x".repeat(n), name: "n".repeat(n) }) })),
    // prototype pollution
    fc
      .constantFrom(
        '{"__proto__":{"version":1,"role":"admin","isAdmin":true}}',
        '{"constructor":{"prototype":{"polluted":true}},"version":1}',
        '{"version":1,"__proto__":{"health":"ON_TRACK"},"progressPercent":{"__proto__":50}}',
        '{"__proto__":null}',
      )
      .map((text) => ({ kind: "raw" as const, text })),
    // invalid UTF-8
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ kind: "raw" as const, text: Uint8Array.from([0x7b, 0xff, 0xfe, ...bytes]) })),
    // JSON under the wrong content type
    fc
      .tuple(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", ""),
      )
      .map(([v, contentType]) => ({
        kind: "raw" as const,
        text: JSON.stringify(v) ?? "null",
        contentType,
      })),
  );
  return fc.oneof({ weight: 3, arbitrary: json }, { weight: 2, arbitrary: raw });
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Text with what a form never sends: NUL and other control characters, bidi
 * overrides and isolates, invisible-only text (issue 16). Every text field
 * gets these besides arbitrary strings.
 */
const NASTY = [
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(50),
  "\u0007",
  "x\u001b[31mred",
  "\u0008\u007f",
  "\u0085",
  "\u200b",
  "\u200b\u200c\u2060",
  "\u3164",
  "\u202e",
  "\u202e\u2066\u2069",
  "  \u00a0 ",
];
const nastyText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 20 })).map(([a, b, c]) => a + b + c),
);
const text = () => fc.oneof(fc.string(), nastyText);

const fuzzyDate = fc.record({
  date: fc.oneof(fc.constantFrom("2026-06-01", "2026-13-45", "0000-00-00"), fc.string()),
  precision: fc.oneof(fc.constantFrom("DAY", "MONTH", "QUARTER", "YEAR"), fc.string()),
});
const PROJECT_KEYS = {
  version: fc.constantFrom(0, -1, 2 ** 31, "1", 1.5),
  stage: fc.constantFrom(...STAGES),
  health: fc.constantFrom(...HEALTHS),
  progressPercent: fc.integer({ min: -5, max: 105 }),
  forecastFinish: fuzzyDate,
  comment: text(),
  nameEn: text(),
  nameZh: text(),
  summary: text(),
  summaryZh: text(),
};
const MILESTONE_KEYS = {
  title: text(),
  titleZh: text(),
  baseline: fuzzyDate,
  forecast: fuzzyDate,
  actual: fuzzyDate,
  state: fc.constantFrom(...MILESTONE_STATES),
  comment: text(),
};
const RATE_SET_KEYS = {
  name: text(),
  effectiveFrom: fc.oneof(fc.constantFrom("2026-01", "2026-13", "2026-01-15"), fc.string()),
  rates: fc.array(
    fc.record({
      currency: fc.oneof(fc.constantFrom("USD", "CNY", "us"), fc.string()),
      toCny: fc.oneof(fc.constantFrom("7.1", "-1", "1e3"), fc.string()),
      toUsd: fc.string(),
    }),
  ),
};
const VIEW_KEYS = {
  name: text(),
  query: text(),
  columns: fc.array(fc.constantFrom("name", "stage", "bogus")),
  columnWidths: fc.dictionary(fc.constantFrom("name", "stage", "x"), fc.integer()),
  groupBy: fc.string(),
  density: fc.string(),
  shared: fc.boolean(),
};
const RISK_KEYS = {
  titleEn: fc.string(),
  category: fc.constantFrom("SAFETY", "WEATHER"),
  kind: fc.constantFrom("THREAT", "OPPORTUNITY", "x"),
  response: fc.constantFrom("AVOID", "EXPLOIT", "x"),
  status: fc.string(),
  nextReviewOn: fc.string(),
  ownerId: fc.string(),
  code: fc.string(),
  occurredLink: fc.string(),
};
const ASSESS_KEYS = {
  kind: fc.constantFrom("INHERENT", "RESIDUAL", "TARGET", "x"),
  probability: fc.integer({ min: -2, max: 8 }),
  impacts: fc.dictionary(fc.constantFrom("cost", "safety", "x", "__proto__"), fc.integer({ min: -1, max: 7 })),
  note: fc.string(),
};
const TOKEN_KEYS = {
  kind: fc.constantFrom("personal", "service", "admin"),
  name: text(),
  scope: fc.constantFrom("read", "write", "admin", "READ"),
  expiresInDays: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom("30", 1.5, 1e9)),
  unitCode: fc.oneof(fc.constantFrom("MMG", "NOPE", ""), fc.string()),
};
const GATE_KEYS = {
  gateKey: fc.string(),
  processKey: fc.string(),
  approvalRule: fc.constantFrom("ANY", "ALL", "x"),
  approverIds: fc.array(fc.string()),
  supersedesId: fc.string(),
  approvedCapexAmount: fc.constantFrom("1e9", "-1", "1.234", "12"),
  approvedCapexCurrency: fc.constantFrom("cny", "CNY", "US"),
  decision: fc.constantFrom("GO", "MAYBE"),
  rationaleEn: fc.string(),
  heldOn: fc.string(),
  textEn: fc.string(),
  dueOn: fc.string(),
  response: fc.constantFrom("APPROVED", "REJECTED", "x"),
  reason: fc.string(),
  status: fc.constantFrom("MET", "x"),
};

/** A payload the shared schema accepts could legitimately change data: those are not fuzz cases. */
const schemaRejects = (schema: { safeParse(v: unknown): { success: boolean } }) => (b: Body) => {
  if (b.kind === "json") return !schema.safeParse(b.value).success;
  if (typeof b.text !== "string" || (b.contentType !== undefined && !b.contentType.includes("application/json"))) return true;
  try {
    return !schema.safeParse(JSON.parse(b.text)).success;
  } catch {
    return true;
  }
};

/** A path segment that still names the endpoint under test ("", "." and ".." would name another one). */
const segment = (id: string) => {
  if (id === "" || id === "." || id === "..") return undefined;
  try {
    return encodeURIComponent(id);
  } catch {
    return undefined; // lone surrogate
  }
};

describe("fuzzing every mutation endpoint", () => {
  let db: TestDb;
  let app: App;
  let cookie: string;
  let milestoneId: string;
  let viewId: string;
  let riskId: string;
  let actionId: string;
  let reviewId: string;
  let conditionId: string;
  let before: Record<string, string>;
  let beforeRisks: Record<string, string>;
  const counts: Record<string, Record<number, number>> = {};

  afterAll(async () => {
    if (app) await stopApp(app, "SIGKILL");
    await db?.drop();
  });

  it("prepares a database with a project, a milestone and a saved view the manager may change", async () => {
    db = createPgliteDb();
    await seed(db);
    await withDb(db, async (d) => {
      const manager = await d.prisma.user.findUniqueOrThrow({ where: { email: MANAGER.email } });
      const project = await d.prisma.project.findUniqueOrThrow({ where: { slug: SLUG }, include: { milestones: true } });
      milestoneId = project.milestones[0]?.id ?? (await d.prisma.milestone.create({ data: { projectId: project.id, title: "Fuzz target" } })).id;
      viewId = (await d.prisma.savedView.create({ data: { ownerId: manager.id, name: "Fuzz view", query: "stage=OPERATION" } })).id;
      const matrix = await d.prisma.riskMatrix.findFirstOrThrow();
      riskId = (await d.prisma.risk.create({ data: { projectId: project.id, code: "R-FUZZ", titleEn: "Fuzz risk", category: "SAFETY", matrixId: matrix.id } }))
        .id;
      actionId = (await d.prisma.riskAction.create({ data: { riskId, title: "Fuzz action" } })).id;
      const process = await d.prisma.gateProcess.findUniqueOrThrow({ where: { key: "mining" }, include: { gates: true } });
      await d.prisma.projectGateProcess.create({ data: { projectId: project.id, processId: process.id } });
      reviewId = (await d.prisma.gateReview.create({ data: { projectId: project.id, gateId: process.gates[0].id } })).id;
      conditionId = (await d.prisma.gateCondition.create({ data: { reviewId, textEn: "Fuzz condition", dueOn: new Date("2027-01-01") } })).id;
      before = await dataChecksum(d);
      beforeRisks = await riskChecksum(d);
    });
    // Each sign-in fuzz case comes "through a proxy" from its own address, so the per-address limit (429) does not hide the validation under test.
    app = await startApp(db, { env: { LODESTONE_TRUSTED_PROXIES: "127.0.0.1" } });
    cookie = await signIn(app, MANAGER);
  });

  async function send(label: string, method: string, path: string, body: Body | undefined, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { cookie, origin: app.origin, ...extraHeaders };
    let payload: string | Buffer | undefined;
    if (body?.kind === "json") {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.value) ?? "null";
    } else if (body) {
      if (body.contentType !== "") headers["content-type"] = body.contentType ?? "application/json";
      payload = typeof body.text === "string" ? body.text : Buffer.from(body.text);
    }
    const res = await fetch(`${app.origin}${path}`, { method, headers, body: payload as BodyInit | undefined });
    const text = await res.text();
    (counts[label] ??= {})[res.status] = (counts[label][res.status] ?? 0) + 1;
    const detail = `${method} ${path} → ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, detail).toBeGreaterThanOrEqual(400);
    expect(res.status, detail).toBeLessThan(500);
    expect(res.headers.get("content-type") ?? "", detail).toContain("application/json");
    expect(text, detail).not.toMatch(/\n\s+at |prisma|SELECT |INSERT |UPDATE "|node_modules/i);
    return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
  }

  const appError = (json: Record<string, unknown>) => {
    const error = json.error as { code?: string; message?: string } | undefined;
    expect(error && typeof error.message === "string" && error.code && error.code in ERROR_STATUS, JSON.stringify(json)).toBeTruthy();
  };

  const endpoints: {
    label: string;
    method: string;
    path: () => string;
    schema: { safeParse(v: unknown): { success: boolean } };
    keys: Record<string, fc.Arbitrary<unknown>>;
  }[] = [
    { label: "PATCH /api/projects/[slug]", method: "PATCH", path: () => `/api/projects/${SLUG}`, schema: projectUpdateSchema, keys: PROJECT_KEYS },
    {
      label: "POST /api/projects/[slug]/milestones",
      method: "POST",
      path: () => `/api/projects/${SLUG}/milestones`,
      schema: milestoneCreateSchema,
      keys: MILESTONE_KEYS,
    },
    {
      label: "PATCH /api/projects/[slug]/milestones/[id]",
      method: "PATCH",
      path: () => `/api/projects/${SLUG}/milestones/${milestoneId}`,
      schema: milestoneUpdateSchema,
      keys: { ...MILESTONE_KEYS, version: PROJECT_KEYS.version },
    },
    { label: "POST /api/views", method: "POST", path: () => "/api/views", schema: viewInputSchema, keys: VIEW_KEYS },
    { label: "PATCH /api/views/[id]", method: "PATCH", path: () => `/api/views/${viewId}`, schema: viewUpdateSchema, keys: VIEW_KEYS },
    {
      label: "PUT /api/views/preferences",
      method: "PUT",
      path: () => "/api/views/preferences",
      schema: preferencesSchema,
      keys: { columns: VIEW_KEYS.columns, columnWidths: VIEW_KEYS.columnWidths, density: VIEW_KEYS.density },
    },
    {
      label: "PUT /api/views/default",
      method: "PUT",
      path: () => "/api/views/default",
      schema: defaultViewSchema,
      keys: { viewId: fc.oneof(fc.uuid(), fc.string()) },
    },
    { label: "POST /api/tokens", method: "POST", path: () => "/api/tokens", schema: tokenCreateSchema, keys: TOKEN_KEYS },
    { label: "POST /api/capex/rate-sets", method: "POST", path: () => "/api/capex/rate-sets", schema: rateSetCreateSchema, keys: RATE_SET_KEYS },
    { label: "POST /api/projects/[slug]/risks", method: "POST", path: () => `/api/projects/${SLUG}/risks`, schema: riskCreateSchema, keys: RISK_KEYS },
    {
      label: "PATCH /api/projects/[slug]/risks/[id]",
      method: "PATCH",
      path: () => `/api/projects/${SLUG}/risks/${riskId}`,
      schema: riskUpdateSchema,
      keys: { ...RISK_KEYS, version: PROJECT_KEYS.version },
    },
    {
      label: "POST …/risks/[id]/assessments",
      method: "POST",
      path: () => `/api/projects/${SLUG}/risks/${riskId}/assessments`,
      schema: assessmentSchema,
      keys: ASSESS_KEYS,
    },
    {
      label: "POST …/risks/[id]/actions",
      method: "POST",
      path: () => `/api/projects/${SLUG}/risks/${riskId}/actions`,
      schema: actionCreateSchema,
      keys: { title: fc.string(), dueOn: fc.string(), status: fc.string(), ownerId: fc.string() },
    },
    {
      label: "PATCH …/risks/[id]/actions/[id]",
      method: "PATCH",
      path: () => `/api/projects/${SLUG}/risks/${riskId}/actions/${actionId}`,
      schema: actionUpdateSchema,
      keys: { version: PROJECT_KEYS.version, status: fc.string(), dueOn: fc.string() },
    },
    // The gate endpoints answer a manager with 403 after validation: what is fuzzed here is that no payload gets past the schema and no error is a 5xx.
    {
      label: "PUT /api/projects/[slug]/gate-process",
      method: "PUT",
      path: () => `/api/projects/${SLUG}/gate-process`,
      schema: setProcessSchema,
      keys: GATE_KEYS,
    },
    {
      label: "POST /api/projects/[slug]/gate-reviews",
      method: "POST",
      path: () => `/api/projects/${SLUG}/gate-reviews`,
      schema: reviewCreateSchema,
      keys: GATE_KEYS,
    },
    {
      label: "PATCH …/gate-reviews/[id]",
      method: "PATCH",
      path: () => `/api/projects/${SLUG}/gate-reviews/${reviewId}`,
      schema: reviewUpdateSchema,
      keys: { ...GATE_KEYS, version: PROJECT_KEYS.version },
    },
    {
      label: "POST …/gate-reviews/[id]/conditions",
      method: "POST",
      path: () => `/api/projects/${SLUG}/gate-reviews/${reviewId}/conditions`,
      schema: conditionCreateSchema,
      keys: GATE_KEYS,
    },
    {
      label: "PUT …/gate-reviews/[id]/response",
      method: "PUT",
      path: () => `/api/projects/${SLUG}/gate-reviews/${reviewId}/response`,
      schema: approverResponseSchema,
      keys: GATE_KEYS,
    },
    {
      label: "POST …/gate-reviews/[id]/decision",
      method: "POST",
      path: () => `/api/projects/${SLUG}/gate-reviews/${reviewId}/decision`,
      schema: decideSchema,
      keys: { ...GATE_KEYS, version: PROJECT_KEYS.version },
    },
    {
      label: "PATCH …/gate-conditions/[id]",
      method: "PATCH",
      path: () => `/api/projects/${SLUG}/gate-conditions/${conditionId}`,
      schema: conditionUpdateSchema,
      keys: { ...GATE_KEYS, version: PROJECT_KEYS.version },
    },
  ];

  for (const ep of endpoints)
    it(`${ep.label}: ${RUNS} bad payloads → 4xx JSON errors`, async () => {
      await fc.assert(
        fc.asyncProperty(payloads(ep.keys).filter(schemaRejects(ep.schema)), async (body) => {
          appError((await send(ep.label, ep.method, ep.path(), body)).json);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });

  it(`PATCH/DELETE /api/views/[id], DELETE /api/tokens/[id] and PATCH …/milestones/[id] with ${RUNS} malformed ids → 4xx JSON errors`, async () => {
    const ids = fc
      .oneof(
        fc.string({ unit: "binary", maxLength: 80 }),
        fc.uuid(),
        fc.constantFrom("%00", "null", "undefined", "0", "-1", "x".repeat(5000), "' OR 1=1 --", "a/b", "%2e%2e"),
      )
      .filter((id) => segment(id) !== undefined);
    await fc.assert(
      fc.asyncProperty(ids, fc.constantFrom("views-delete", "views-patch", "milestone-patch", "token-delete"), async (id, which) => {
        const seg = segment(id)!;
        const label = `${which} [bad id]`;
        const r =
          which === "views-delete"
            ? await send(label, "DELETE", `/api/views/${seg}`, undefined)
            : which === "token-delete"
              ? await send(label, "DELETE", `/api/tokens/${seg}`, undefined)
              : which === "views-patch"
                ? await send(label, "PATCH", `/api/views/${seg}`, { kind: "json", value: { name: "renamed" } })
                : await send(label, "PATCH", `/api/projects/${SLUG}/milestones/${seg}`, { kind: "json", value: { version: 1, title: "renamed" } });
        appError(r.json);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it(`POST /api/auth/sign-in/email: ${RUNS} bad payloads → 4xx JSON errors`, async () => {
    const keys = {
      email: fc.oneof(
        fc.emailAddress(),
        fc.constant(MANAGER.email),
        nastyText,
        fc.emailAddress().map((e) => `${e}\u0000`),
      ),
      password: fc.oneof(fc.string({ maxLength: 300 }), nastyText),
      rememberMe: fc.boolean(),
      callbackURL: fc.webUrl(),
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(payloads(keys).filter(schemaRejects(signInSchema)), async (body) => {
        // A different client address each time, so the per-IP rate limit (429) does not hide the validation under test.
        const r = await send("POST /api/auth/sign-in/email", "POST", "/api/auth/sign-in/email", body, {
          "x-forwarded-for": `10.9.${(n >> 8) & 255}.${n++ & 255}`,
        });
        expect(typeof (r.json.message ?? (r.json.error as { message?: string } | undefined)?.message), JSON.stringify(r.json)).toBe("string");
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it(`POST /api/auth/update-user: ${RUNS} display names with NUL, control or only invisible characters → 4xx JSON errors`, async () => {
    const badName = fc.oneof(nastyText, text()).filter((name) => !displayName.safeParse(name).success);
    await fc.assert(
      fc.asyncProperty(badName, async (name) => {
        const r = await send("POST /api/auth/update-user", "POST", "/api/auth/update-user", { kind: "json", value: { name } });
        appError(r.json);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it(`POST /api/admin/import: ${RUNS} bad files (random bytes, damaged workbooks, bad CSV) and parameters, as an admin → 4xx JSON errors`, async () => {
    const adminCookie = await signIn(app, ADMIN);
    // A workbook whose every row is an error (an unknown unit), so no damaged copy of it can apply.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Projects").addRows([
      ["Key", "Name (English)", "Unit", "Kind", "Business line", "Stage"],
      ["fuzz-a", "Fuzz A", "NOWHERE", "OWNED_ASSET", "BASE_METALS", "DESIGN"],
    ]);
    wb.addWorksheet("Milestones").addRows([
      ["Project key", "Milestone key", "Title (English)"],
      ["fuzz-a", "m", "M"],
    ]);
    const base = new Uint8Array(await wb.xlsx.writeBuffer());
    const damaged = fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const b = Uint8Array.from(base);
      for (const [at, v] of flips) b[at] = v;
      return b;
    });
    const csvText = fc.array(
      fc.array(fc.oneof(fc.string({ maxLength: 20 }), nastyText, fc.constantFrom("Key", "Name (English)", "Unit", "=1+1", '"', "NOWHERE")), { maxLength: 8 }),
      { maxLength: 20 },
    );
    const file = fc.oneof(
      fc.record({ name: fc.constantFrom("f.xlsx", "f.XLSX", "f.csv", "f.pdf", "f"), bytes: fc.uint8Array({ maxLength: 4096 }) }),
      fc.record({ name: fc.constant("f.xlsx"), bytes: damaged }),
      fc.record({ name: fc.constant("f.xlsx"), bytes: fc.constant(base.subarray(0, base.length >> 1)) }),
      fc.record({ name: fc.constant("f.csv"), bytes: csvText.map((rows) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n"))) }),
    );
    const kind = fc.oneof(fc.constantFrom("portfolio", "users"), fc.string({ maxLength: 10 }));
    const mode = fc.oneof(fc.constant("apply"), fc.string({ maxLength: 10 }));
    await fc.assert(
      fc.asyncProperty(file, kind, mode, fc.oneof(fc.constant(""), fc.string({ maxLength: 300 }), nastyText), async (f, k, m, nameOverride) => {
        const q = new URLSearchParams({ kind: k, mode: m, fileName: nameOverride && !nameOverride.trim() ? nameOverride : f.name });
        const res = await fetch(`${app.origin}/api/admin/import?${q}`, {
          method: "POST",
          headers: { cookie: adminCookie, origin: app.origin, "content-type": "application/octet-stream" },
          body: f.bytes as BodyInit,
        });
        const text = await res.text();
        const detail = `import ${q} (${f.bytes.length} bytes) → ${res.status} ${text.slice(0, 300)}`;
        (counts["POST /api/admin/import"] ??= {})[res.status] = (counts["POST /api/admin/import"][res.status] ?? 0) + 1;
        expect(res.status, detail).toBeGreaterThanOrEqual(400);
        expect(res.status, detail).toBeLessThan(500);
        expect(text, detail).not.toMatch(/\n\s+at |prisma|SELECT |INSERT |UPDATE "|node_modules/i);
        appError(JSON.parse(text) as Record<string, unknown>);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("leaves the server up and the data unchanged", async () => {
    console.log(`fuzz: ${RUNS} runs per endpoint, seed ${SEED}; status counts: ${JSON.stringify(counts)}`);
    expect((await fetch(`${app.origin}/api/health`)).status).toBe(200);
    expect((await fetch(`${app.origin}/api/projects/${SLUG}`, { headers: { cookie } })).status).toBe(200);
    expect(await stopApp(app)).toEqual({ code: 0, signal: null });
    expect(await withDb(db, dataChecksum)).toEqual(before);
    expect(await withDb(db, riskChecksum)).toEqual(beforeRisks);
  });
});

/** The risk, gate and document tables, like dataChecksum's. */
async function riskChecksum(d: Parameters<typeof dataChecksum>[0]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [
    "Risk",
    "RiskAssessment",
    "RiskAction",
    "GateReview",
    "GateApprover",
    "GateCondition",
    "GateDeliverable",
    "Document",
    "DocumentVersion",
    "AuditEntry",
    "ApiToken",
    "WebhookEndpoint",
  ]) {
    const [row] = await d.prisma.$queryRawUnsafe<{ n: number; sum: string | null }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`,
    );
    out[table] = `${row.n}:${row.sum}`;
  }
  return out;
}
