/**
 * The domain's enumerations as plain values, importable from client components
 * (the generated Prisma enums pull in server code). Kept in step with
 * prisma/schema.prisma by lib/projects/enums.test.ts.
 */
export const REGIONS = ["CHINA", "ASIA_PACIFIC", "AFRICA", "LATIN_AMERICA", "NORTH_AMERICA", "EUROPE", "MIDDLE_EAST"] as const;
export const BUSINESS_LINES = [
  "BASE_METALS",
  "SPECIALTY_METALS",
  "FERROUS_METALS",
  "NEW_ENERGY_MATERIALS",
  "METALLURGICAL_CONSTRUCTION",
  "ADVANCED_MATERIALS_EQUIPMENT",
] as const;
export const STAGES = [
  "PROSPECTING",
  "FEASIBILITY",
  "DESIGN",
  "CONSTRUCTION",
  "COMMISSIONING",
  "RAMP_UP",
  "OPERATION",
  "COMPLETED",
  "ON_HOLD",
  "CANCELLED",
] as const;
export const HEALTHS = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "NOT_ASSESSED"] as const;
export const PROJECT_KINDS = ["OWNED_ASSET", "CONTRACT", "TECHNOLOGY", "PROGRAMME"] as const;
export const DATE_PRECISIONS = ["DAY", "MONTH", "QUARTER", "YEAR"] as const;
export const MILESTONE_STATES = ["PLANNED", "ACHIEVED", "MISSED", "CANCELLED"] as const;

export type Region = (typeof REGIONS)[number];
export type BusinessLine = (typeof BUSINESS_LINES)[number];
export type Stage = (typeof STAGES)[number];
export type Health = (typeof HEALTHS)[number];
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type MilestoneState = (typeof MILESTONE_STATES)[number];
