import { z } from "zod";
import { ERROR_STATUS } from "../errors";
import { API_OPERATIONS, type ApiOperation } from "./operations";

type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as the JSON Schema of what a client sends (io: "input":
 * defaults are optional, transforms show their input side). Refinements that
 * JSON Schema cannot say (a text with a visible character, a response that
 * fits the risk's kind) are not in it; the route still applies them and
 * answers 400 with field messages.
 */
function toSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
}

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(ERROR_STATUS) },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" }, description: "a message per invalid field" },
        requestId: { type: "string" },
      },
    },
  },
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
}

function queryParameters(schema: z.ZodType) {
  const s = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, in: "query", required: s.required?.includes(name) ?? false, schema: p }));
}

function operation(op: ApiOperation) {
  const errors = Object.fromEntries(
    (op.body || op.query ? [400, 401, 403, 404, 409, 429] : [401, 403, 404, 429]).map((status) => [
      String(status),
      { $ref: `#/components/responses/Error${status}` },
    ]),
  );
  const ok = op.binary
    ? { description: "OK", content: { [op.binary]: { schema: { type: "string", format: "binary" } } } }
    : { description: "OK", content: { "application/json": { schema: {} } } };
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: `${op.method.toLowerCase()}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    ...(op.open ? { security: [] } : {}),
    parameters: [
      ...pathParameters(op.path),
      ...(op.query ? queryParameters(op.query) : []),
      ...(op.body && op.bodyIn === "query" ? queryParameters(op.body) : []),
    ],
    ...(op.body && op.bodyIn !== "query"
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: toSchema(op.body), ...(op.example !== undefined ? { example: op.example } : {}) } },
          },
        }
      : op.bodyIn === "query"
        ? { requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } } }
        : {}),
    responses: { [String(op.status ?? 200)]: ok, ...errors },
  };
}

/** The OpenAPI 3.1 description of the JSON API, built from the routes' own zod schemas. */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op);
  const messages: Record<number, string> = {
    400: "Bad input: see error.fields",
    401: "No session or API token, or the token is invalid, expired or revoked",
    403: "The role, or a read-only token, does not allow it",
    404: "Not found, or not visible to the caller",
    409: "The record changed since the version sent",
    429: "Too many requests for this token",
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Lodestone JSON API",
      version: "1",
      description:
        "Authenticate with `Authorization: Bearer lds_…` (an API token: the profile's API tokens page, or a service token from the admin) or a session cookie. A token has the same permissions as its user (or a service token's role on its unit); a read-only token gets 403 on every change. Errors are `{ error: { code, message, fields? } }`.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    tags: [...new Set(API_OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token, lds_ followed by 43 characters" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(messages).map(([s, d]) => [
          `Error${s}`,
          { description: d, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
    },
  };
}
