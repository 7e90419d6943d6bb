"use client";

import dynamic from "next/dynamic";

/*
 * The risk and gate forms of the project page in their own chunk (issue 20):
 * rendered only for those who may edit, so a read-only visitor downloads none
 * of it (see components/projects/edit/on-demand.tsx).
 */
export const MutationForm = dynamic(() => import("./mutation-form").then((m) => m.MutationForm));
