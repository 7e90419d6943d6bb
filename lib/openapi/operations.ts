import type { z } from "zod";
import { createUserSchema, managerAssignmentSchema, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "../auth/admin-users.validation";
import { signInSchema } from "../auth/sign-in.validation";
import { rateSetCreateSchema } from "../capex/capex.validation";
import { uploadSchema } from "../documents/document.validation";
import {
  approverResponseSchema,
  conditionCreateSchema,
  conditionUpdateSchema,
  decideSchema,
  reviewCreateSchema,
  reviewUpdateSchema,
  setProcessSchema,
} from "../gates/gate.validation";
import { importQuerySchema, templateQuerySchema } from "../import/import.validation";
import { milestoneCreateSchema, milestoneUpdateSchema } from "../milestones/milestone.validation";
import { archiveUnitSchema, createUnitSchema, moveProjectsSchema, moveUnitSchema, renameUnitSchema, roleAssignmentSchema } from "../org/org.validation";
import { projectListParamsSchema } from "../projects/list-params";
import { projectUpdateSchema } from "../projects/project-update.validation";
import { actionCreateSchema, actionUpdateSchema, assessmentSchema, riskCreateSchema, riskUpdateSchema } from "../risks/risk.validation";
import { tokenCreateSchema } from "../tokens/token.validation";
import { defaultViewSchema, preferencesSchema, viewInputSchema, viewUpdateSchema } from "../views/view.validation";

/**
 * Every operation of the JSON API, with the very zod schema its route
 * validates with: lib/openapi/document.ts turns this into /api/openapi.json,
 * and lib/openapi/openapi.test.ts checks it against app/api/**\/route.ts (the
 * route table of lib/http/allowed-methods.ts), so a route cannot go
 * undescribed. `route` names the table entry; `example` must pass `body`.
 */
export interface ApiOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI path: /api/projects/{slug} */
  path: string;
  route: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  /** where the fields go: a JSON body, or the query string (the document upload streams its body) */
  bodyIn?: "json" | "query";
  query?: z.ZodType;
  example?: unknown;
  /** success status */
  status?: number;
  /** the answer is not JSON (a file) */
  binary?: string;
  /** anyone may call it: no token needed */
  open?: boolean;
}

const DAY = (date: string) => ({ date, precision: "DAY" });

/** The admin actions (POST /api/admin/<action>) and their schemas: ADMIN_ACTIONS (lib/org/admin-api.ts) must list the same names. */
export const ADMIN_ACTION_SCHEMAS: Record<string, { schema: z.ZodType; summary: string; example: unknown }> = {
  "create-user": {
    schema: createUserSchema,
    summary: "Create a user with a role on a unit",
    example: { email: "new.user@example.com", name: "New User", role: "staff", password: "a-long-enough-password-42", reason: "Joined the PMO" },
  },
  "set-user-role": { schema: setRoleSchema, summary: "Set a user's role on the group", example: { userId: "user-id", role: "executive", reason: "" } },
  "set-user-disabled": {
    schema: setDisabledSchema,
    summary: "Disable or enable a user",
    example: { userId: "user-id", disabled: true, reason: "Left the company" },
  },
  "reset-password": {
    schema: resetPasswordSchema,
    summary: "Set a user's password (ends their sessions)",
    example: { userId: "user-id", password: "another-long-password-42" },
  },
  "set-manager": {
    schema: managerAssignmentSchema,
    summary: "Assign or unassign a project manager",
    example: { userId: "user-id", projectSlug: "chentaigou-iron-mine", assigned: true },
  },
  "set-role-assignment": {
    schema: roleAssignmentSchema,
    summary: "Give or take a role on an organization unit",
    example: { userId: "user-id", unitCode: "MMG", role: "staff", assigned: true },
  },
  "create-unit": { schema: createUnitSchema, summary: "Create an organization unit", example: { parentCode: "GRP", code: "API-UNIT", nameEn: "API unit" } },
  "rename-unit": { schema: renameUnitSchema, summary: "Rename an organization unit", example: { code: "MMG", version: 1, nameEn: "MMG Limited" } },
  "move-unit": { schema: moveUnitSchema, summary: "Move an organization unit under another", example: { code: "MMG", version: 1, parentCode: "GRP" } },
  "archive-unit": { schema: archiveUnitSchema, summary: "Archive or restore an organization unit", example: { code: "MMG", version: 1, archived: false } },
  "move-projects": {
    schema: moveProjectsSchema,
    summary: "Move projects to another unit (one audit entry and one webhook event per project)",
    example: { slugs: ["chentaigou-iron-mine"], toCode: "GRP", reason: "Reorganization" },
  },
};

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/projects",
    route: "projects",
    tag: "projects",
    summary: "List the projects the caller may read (filters, sort, pages)",
    query: projectListParamsSchema,
  },
  {
    method: "GET",
    path: "/api/projects/export",
    route: "projects/export",
    tag: "projects",
    summary: "Export the projects table as CSV or XLSX (same filters)",
    query: projectListParamsSchema,
    binary: "text/csv",
  },
  { method: "GET", path: "/api/projects/{slug}", route: "projects/[slug]", tag: "projects", summary: "One project with its milestones and history" },
  {
    method: "PATCH",
    path: "/api/projects/{slug}",
    route: "projects/[slug]",
    tag: "projects",
    summary: "Change a project's status (optimistic: send the version you read)",
    body: projectUpdateSchema,
    example: { version: 1, health: "AT_RISK", comment: "Contractor delay" },
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/milestones",
    route: "projects/[slug]/milestones",
    tag: "milestones",
    summary: "Add a milestone",
    body: milestoneCreateSchema,
    example: { title: "First concentrate", forecast: DAY("2027-03-01") },
    status: 201,
  },
  {
    method: "PATCH",
    path: "/api/projects/{slug}/milestones/{milestoneId}",
    route: "projects/[slug]/milestones/[milestoneId]",
    tag: "milestones",
    summary: "Change a milestone",
    body: milestoneUpdateSchema,
    example: { version: 1, state: "ACHIEVED", actual: DAY("2026-11-30") },
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/risks",
    route: "projects/[slug]/risks",
    tag: "risks",
    summary: "Raise a risk",
    body: riskCreateSchema,
    example: { titleEn: "Slope instability in the east pit", category: "SAFETY" },
    status: 201,
  },
  {
    method: "PATCH",
    path: "/api/projects/{slug}/risks/{riskId}",
    route: "projects/[slug]/risks/[riskId]",
    tag: "risks",
    summary: "Change a risk",
    body: riskUpdateSchema,
    example: { version: 1, status: "OPEN" },
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/risks/{riskId}/assessments",
    route: "projects/[slug]/risks/[riskId]/assessments",
    tag: "risks",
    summary: "Score a risk",
    body: assessmentSchema,
    example: { kind: "INHERENT", probability: 3, impacts: { cost: 2 } },
    status: 201,
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/risks/{riskId}/actions",
    route: "projects/[slug]/risks/[riskId]/actions",
    tag: "risks",
    summary: "Add an action to a risk",
    body: actionCreateSchema,
    example: { title: "Install slope radar" },
    status: 201,
  },
  {
    method: "PATCH",
    path: "/api/projects/{slug}/risks/{riskId}/actions/{actionId}",
    route: "projects/[slug]/risks/[riskId]/actions/[actionId]",
    tag: "risks",
    summary: "Change a risk action",
    body: actionUpdateSchema,
    example: { version: 1, status: "DONE" },
  },
  {
    method: "PUT",
    path: "/api/projects/{slug}/gate-process",
    route: "projects/[slug]/gate-process",
    tag: "gates",
    summary: "Set a project's gate process",
    body: setProcessSchema,
    example: { processKey: "mining" },
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/gate-reviews",
    route: "projects/[slug]/gate-reviews",
    tag: "gates",
    summary: "Prepare a gate review",
    body: reviewCreateSchema,
    example: { gateKey: "construction" },
    status: 201,
  },
  {
    method: "PATCH",
    path: "/api/projects/{slug}/gate-reviews/{reviewId}",
    route: "projects/[slug]/gate-reviews/[reviewId]",
    tag: "gates",
    summary: "Change a gate review in preparation",
    body: reviewUpdateSchema,
    example: { version: 1, plannedOn: "2027-01-15" },
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/gate-reviews/{reviewId}/conditions",
    route: "projects/[slug]/gate-reviews/[reviewId]/conditions",
    tag: "gates",
    summary: "Add a condition to a gate review",
    body: conditionCreateSchema,
    example: { textEn: "Water permit granted", dueOn: "2027-02-01" },
    status: 201,
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/gate-reviews/{reviewId}/decision",
    route: "projects/[slug]/gate-reviews/[reviewId]/decision",
    tag: "gates",
    summary: "Record a gate decision (final)",
    body: decideSchema,
    example: { version: 1, decision: "GO", rationaleEn: "Feasibility confirmed", heldOn: "2026-12-01" },
  },
  {
    method: "PUT",
    path: "/api/projects/{slug}/gate-reviews/{reviewId}/response",
    route: "projects/[slug]/gate-reviews/[reviewId]/response",
    tag: "gates",
    summary: "Approve or reject as a named approver",
    body: approverResponseSchema,
    example: { response: "APPROVED" },
  },
  {
    method: "PATCH",
    path: "/api/projects/{slug}/gate-conditions/{conditionId}",
    route: "projects/[slug]/gate-conditions/[conditionId]",
    tag: "gates",
    summary: "Mark a gate condition met or waived",
    body: conditionUpdateSchema,
    example: { version: 1, status: "MET" },
  },
  {
    method: "POST",
    path: "/api/projects/{slug}/documents",
    route: "projects/[slug]/documents",
    tag: "documents",
    summary: "Upload a document (the file is the raw body; the fields are query parameters)",
    body: uploadSchema,
    bodyIn: "query",
    example: { fileName: "permit.pdf" },
    status: 201,
  },
  {
    method: "GET",
    path: "/api/documents/{versionId}",
    route: "documents/[versionId]",
    tag: "documents",
    summary: "Download a document version",
    binary: "application/octet-stream",
  },
  {
    method: "POST",
    path: "/api/capex/rate-sets",
    route: "capex/rate-sets",
    tag: "capex",
    summary: "Add an exchange-rate set",
    body: rateSetCreateSchema,
    example: { name: "2027 budget rates", effectiveFrom: "2027-01", rates: [{ currency: "USD", toCny: "7.1", toUsd: "1" }] },
    status: 201,
  },
  {
    method: "POST",
    path: "/api/admin/import",
    route: "admin/import",
    tag: "admin",
    summary:
      "Import projects and milestones, or users, from an XLSX or CSV file (the file is the raw body; the fields are query parameters): a dry run (mode=check) or one transaction (mode=apply)",
    body: importQuerySchema,
    bodyIn: "query",
    example: { kind: "portfolio", mode: "check", fileName: "portfolio.xlsx" },
  },
  {
    method: "GET",
    path: "/api/admin/import/template",
    route: "admin/import/template",
    tag: "admin",
    summary: "The import template (XLSX, English or Chinese headers, with the allowed values)",
    query: templateQuerySchema,
    binary: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  { method: "GET", path: "/api/views", route: "views", tag: "views", summary: "The caller's saved views and the shared ones" },
  {
    method: "POST",
    path: "/api/views",
    route: "views",
    tag: "views",
    summary: "Save a view of the projects table",
    body: viewInputSchema,
    example: { name: "Operations", query: "stage=OPERATION" },
    status: 201,
  },
  {
    method: "PUT",
    path: "/api/views/preferences",
    route: "views/preferences",
    tag: "views",
    summary: "Keep table preferences (columns, widths, density)",
    body: preferencesSchema,
    example: { density: "compact" },
  },
  {
    method: "PUT",
    path: "/api/views/default",
    route: "views/default",
    tag: "views",
    summary: "Choose one's default view (null: none)",
    body: defaultViewSchema,
    example: { viewId: null },
  },
  { method: "GET", path: "/api/views/{id}", route: "views/[id]", tag: "views", summary: "One saved view" },
  {
    method: "PATCH",
    path: "/api/views/{id}",
    route: "views/[id]",
    tag: "views",
    summary: "Change a saved view",
    body: viewUpdateSchema,
    example: { name: "Renamed view" },
  },
  { method: "DELETE", path: "/api/views/{id}", route: "views/[id]", tag: "views", summary: "Delete a saved view" },
  {
    method: "GET",
    path: "/api/tokens",
    route: "tokens",
    tag: "tokens",
    summary: "The caller's personal API tokens (?kind=service: the service tokens, admins); never a token or its hash",
  },
  {
    method: "POST",
    path: "/api/tokens",
    route: "tokens",
    tag: "tokens",
    summary: "Create an API token (the answer's `secret` is shown once); not with a token",
    body: tokenCreateSchema,
    example: { kind: "personal", name: "Power BI refresh", scope: "read", expiresInDays: 90 },
    status: 201,
  },
  { method: "DELETE", path: "/api/tokens/{id}", route: "tokens/[id]", tag: "tokens", summary: "Revoke an API token; not with a token" },
  ...Object.entries(ADMIN_ACTION_SCHEMAS).map(([action, a]): ApiOperation => ({
    method: "POST",
    path: `/api/admin/${action}`,
    route: "admin/[action]",
    tag: "admin",
    summary: a.summary,
    body: a.schema,
    example: a.example,
  })),
  {
    method: "POST",
    path: "/api/auth/sign-in/email",
    route: "auth/[...all]",
    tag: "auth",
    summary: "Sign in with e-mail and password (sets the session cookie; API clients use tokens instead)",
    body: signInSchema,
    example: { email: "someone@example.com", password: "their-password" },
    open: true,
  },
  { method: "GET", path: "/api/auth/get-session", route: "auth/[...all]", tag: "auth", summary: "The current session", open: true },
  { method: "GET", path: "/api/health", route: "health", tag: "operations", summary: "Liveness: the process answers", open: true },
  { method: "GET", path: "/api/ready", route: "ready", tag: "operations", summary: "Readiness: the database answers and migrations are applied", open: true },
  { method: "GET", path: "/api/openapi.json", route: "openapi.json", tag: "operations", summary: "This description", open: true },
];
