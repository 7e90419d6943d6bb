"use client";

import dynamic from "next/dynamic";

/*
 * The capex and KPI editing controls, each in its own chunk (issue 20): only
 * those who may edit are sent them (see components/projects/edit/on-demand.tsx).
 */
export const SheetUpload = dynamic(() => import("./sheet-upload").then((m) => m.SheetUpload));
export const BudgetLineForm = dynamic(() => import("./entry-forms").then((m) => m.BudgetLineForm));
export const CostLineForm = dynamic(() => import("./entry-forms").then((m) => m.CostLineForm));
export const KpiActualForm = dynamic(() => import("./entry-forms").then((m) => m.KpiActualForm));
export const KpiTargetForm = dynamic(() => import("./entry-forms").then((m) => m.KpiTargetForm));
export const BudgetVersionActions = dynamic(() => import("./budget-version-actions").then((m) => m.BudgetVersionActions));
export const NewBudgetVersionForm = dynamic(() => import("./budget-version-actions").then((m) => m.NewBudgetVersionForm));
