"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import { createReportDraft, publishReport, returnReport, saveReportNarrative, submitReport, supersedeReport } from "./report-workflow";

// Thin: the workflow functions validate, authorize and write; these add the
// viewer from the session and refresh the pages that show the report.

function refresh(slug: string) {
  revalidatePath(`/projects/${slug}`);
  revalidatePath(`/projects/${slug}/reports`, "layout");
  revalidatePath("/reports", "layout");
}

export async function createReportDraftAction(slug: string, input: unknown) {
  const r = await createReportDraft({ viewer: await getViewer(), slug, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function saveReportAction(reportId: string, input: unknown) {
  const r = await saveReportNarrative({ viewer: await getViewer(), reportId, input });
  if (r.ok) refresh(r.data.slug);
  return r;
}

export async function submitReportAction(reportId: string, input: unknown) {
  const r = await submitReport({ viewer: await getViewer(), reportId, input });
  if (r.ok) refresh(r.data.slug);
  return r;
}

export async function returnReportAction(reportId: string, input: unknown) {
  const r = await returnReport({ viewer: await getViewer(), reportId, input });
  if (r.ok) refresh(r.data.slug);
  return r;
}

export async function publishReportAction(reportId: string, input: unknown) {
  const r = await publishReport({ viewer: await getViewer(), reportId, input });
  if (r.ok) refresh(r.data.slug);
  return r;
}

export async function supersedeReportAction(reportId: string, input: unknown) {
  const r = await supersedeReport({ viewer: await getViewer(), reportId, input });
  if (r.ok) refresh(r.data.slug);
  return r;
}
