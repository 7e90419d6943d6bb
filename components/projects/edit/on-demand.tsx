"use client";

import dynamic from "next/dynamic";

/*
 * The project page's editing controls, each in its own chunk (issue 20): the
 * page renders them only for those who may edit, so a read-only visitor's
 * browser never downloads form code or the validation library. Thin on
 * purpose: the forms themselves live in their own files.
 */
export const NamesForm = dynamic(() => import("./names-form").then((m) => m.NamesForm));
export const StatusForm = dynamic(() => import("./status-form").then((m) => m.StatusForm));
export const AddMilestone = dynamic(() => import("./milestone-actions").then((m) => m.AddMilestone));
export const MilestoneActions = dynamic(() => import("./milestone-actions").then((m) => m.MilestoneActions));
