import { z } from "zod";

/**
 * The import endpoint's query (the body is the file's bytes): one schema for
 * the route (lib/import/import-route.ts) and its OpenAPI description.
 */
export const importQuerySchema = z.object({
  kind: z.enum(["portfolio", "users"]),
  mode: z.enum(["check", "apply"]),
  fileName: z.string().trim().min(1).max(200),
});

/** The template download's query: anything unknown falls back to the portfolio template in English. */
export const templateQuerySchema = z.object({
  kind: z.enum(["portfolio", "users"]).catch("portfolio"),
  lang: z.enum(["en", "zh"]).catch("en"),
});
