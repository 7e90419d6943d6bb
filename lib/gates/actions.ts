"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "../auth/session";
import {
  addGateCondition,
  createGateReview,
  decideGateReview,
  respondToGateReview,
  setProjectGateProcess,
  updateGateCondition,
  updateGateReview,
} from "./gate-mutations";

// Thin: viewer from the session, then the domain function; refresh the project's pages.
const refresh = (slug: string) => revalidatePath(`/projects/${slug}`, "layout");

export async function setGateProcessFormAction(slug: string, input: unknown) {
  const r = await setProjectGateProcess({ viewer: await getViewer(), slug, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function createGateReviewFormAction(slug: string, input: unknown) {
  const r = await createGateReview({ viewer: await getViewer(), slug, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function updateGateReviewFormAction(slug: string, reviewId: string, input: unknown) {
  const r = await updateGateReview({ viewer: await getViewer(), slug, reviewId, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function addGateConditionFormAction(slug: string, reviewId: string, input: unknown) {
  const r = await addGateCondition({ viewer: await getViewer(), slug, reviewId, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function updateGateConditionFormAction(slug: string, conditionId: string, input: unknown) {
  const r = await updateGateCondition({ viewer: await getViewer(), slug, conditionId, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function respondToGateReviewFormAction(slug: string, reviewId: string, input: unknown) {
  const r = await respondToGateReview({ viewer: await getViewer(), slug, reviewId, input });
  if (r.ok) refresh(slug);
  return r;
}

export async function decideGateReviewFormAction(slug: string, reviewId: string, input: unknown) {
  const r = await decideGateReview({ viewer: await getViewer(), slug, reviewId, input });
  if (r.ok) refresh(slug);
  return r;
}
