-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProjectKind" AS ENUM ('OWNED_ASSET', 'CONTRACT', 'TECHNOLOGY', 'PROGRAMME');

-- CreateEnum
CREATE TYPE "BusinessLine" AS ENUM ('BASE_METALS', 'SPECIALTY_METALS', 'FERROUS_METALS', 'NEW_ENERGY_MATERIALS', 'METALLURGICAL_CONSTRUCTION', 'ADVANCED_MATERIALS_EQUIPMENT');

-- CreateEnum
CREATE TYPE "Region" AS ENUM ('CHINA', 'ASIA_PACIFIC', 'AFRICA', 'LATIN_AMERICA', 'NORTH_AMERICA', 'EUROPE', 'MIDDLE_EAST');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('PROSPECTING', 'FEASIBILITY', 'DESIGN', 'CONSTRUCTION', 'COMMISSIONING', 'RAMP_UP', 'OPERATION', 'COMPLETED', 'ON_HOLD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Health" AS ENUM ('ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'NOT_ASSESSED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "MilestoneState" AS ENUM ('PLANNED', 'ACHIEVED', 'MISSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "UpdateOrigin" AS ENUM ('IMPORT', 'USER', 'SYSTEM');

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200),
    "nameSortKey" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(4000) NOT NULL DEFAULT '',
    "kind" "ProjectKind" NOT NULL,
    "businessLine" "BusinessLine" NOT NULL,
    "commodities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "region" "Region",
    "countryCode" CHAR(2),
    "subdivision" VARCHAR(120),
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "stage" "Stage" NOT NULL,
    "health" "Health" NOT NULL DEFAULT 'NOT_ASSESSED',
    "progressPercent" SMALLINT,
    "plannedStart" DATE,
    "plannedStartPrecision" "DatePrecision",
    "plannedFinish" DATE,
    "plannedFinishPrecision" "DatePrecision",
    "forecastFinish" DATE,
    "forecastFinishPrecision" "DatePrecision",
    "actualFinish" DATE,
    "actualFinishPrecision" "DatePrecision",
    "operatingCompany" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "titleZh" VARCHAR(300),
    "baselineDate" DATE,
    "baselinePrecision" "DatePrecision",
    "forecastDate" DATE,
    "forecastPrecision" "DatePrecision",
    "actualDate" DATE,
    "actualPrecision" "DatePrecision",
    "state" "MilestoneState" NOT NULL DEFAULT 'PLANNED',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusUpdate" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "milestoneId" UUID,
    "origin" "UpdateOrigin" NOT NULL,
    "authorId" TEXT,
    "authorName" VARCHAR(200) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" VARCHAR(4000) NOT NULL DEFAULT '',
    "sourceId" UUID,

    CONSTRAINT "StatusUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldChange" (
    "id" UUID NOT NULL,
    "updateId" UUID NOT NULL,
    "field" VARCHAR(60) NOT NULL,
    "before" VARCHAR(4000),
    "after" VARCHAR(4000),

    CONSTRAINT "FieldChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "key" VARCHAR(120) NOT NULL,
    "title" VARCHAR(400) NOT NULL,
    "publisher" VARCHAR(200) NOT NULL,
    "publishedOn" DATE NOT NULL,
    "url" VARCHAR(1000),

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceQuote" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "milestoneId" UUID,
    "supports" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "text" VARCHAR(4000) NOT NULL,

    CONSTRAINT "SourceQuote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

-- CreateIndex
CREATE INDEX "Project_region_stage_idx" ON "Project"("region", "stage");

-- CreateIndex
CREATE INDEX "Project_stage_idx" ON "Project"("stage");

-- CreateIndex
CREATE INDEX "Project_health_idx" ON "Project"("health");

-- CreateIndex
CREATE INDEX "Project_businessLine_idx" ON "Project"("businessLine");

-- CreateIndex
CREATE INDEX "Project_countryCode_idx" ON "Project"("countryCode");

-- CreateIndex
CREATE INDEX "Project_updatedAt_idx" ON "Project"("updatedAt");

-- CreateIndex
CREATE INDEX "Project_nameSortKey_idx" ON "Project"("nameSortKey");

-- CreateIndex
CREATE INDEX "Milestone_projectId_sortOrder_idx" ON "Milestone"("projectId", "sortOrder");

-- CreateIndex
CREATE INDEX "Milestone_state_forecastDate_idx" ON "Milestone"("state", "forecastDate");

-- CreateIndex
CREATE INDEX "StatusUpdate_projectId_occurredAt_idx" ON "StatusUpdate"("projectId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "StatusUpdate_occurredAt_idx" ON "StatusUpdate"("occurredAt" DESC);

-- CreateIndex
CREATE INDEX "FieldChange_updateId_idx" ON "FieldChange"("updateId");

-- CreateIndex
CREATE INDEX "FieldChange_field_idx" ON "FieldChange"("field");

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "SourceQuote_projectId_idx" ON "SourceQuote"("projectId");

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FieldChange" ADD CONSTRAINT "FieldChange_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "StatusUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceQuote" ADD CONSTRAINT "SourceQuote_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceQuote" ADD CONSTRAINT "SourceQuote_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceQuote" ADD CONSTRAINT "SourceQuote_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;
