-- CreateEnum
CREATE TYPE "BudgetVersionKind" AS ENUM ('ORIGINAL', 'REVISION', 'ANNUAL_PLAN');

-- CreateEnum
CREATE TYPE "BudgetVersionState" AS ENUM ('DRAFT', 'APPROVED');

-- CreateEnum
CREATE TYPE "CostMeasure" AS ENUM ('COMMITTED', 'ACTUAL', 'FORECAST');

-- CreateEnum
CREATE TYPE "KpiCategory" AS ENUM ('PRODUCTION', 'SAFETY', 'ESG');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('HIGHER_BETTER', 'LOWER_BETTER');

-- CreateEnum
CREATE TYPE "KpiAggregation" AS ENUM ('SUM', 'AVERAGE', 'LAST', 'RATIO');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "currency" CHAR(3) NOT NULL DEFAULT 'USD';

-- CreateTable
CREATE TABLE "CostCategory" (
    "id" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "parentId" UUID,
    "nameEn" VARCHAR(120) NOT NULL,
    "nameZh" VARCHAR(120) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRateSet" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeRateSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "setId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "toCny" DECIMAL(20,10) NOT NULL,
    "toUsd" DECIMAL(20,10) NOT NULL,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("setId","currency")
);

-- CreateTable
CREATE TABLE "BudgetVersion" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "BudgetVersionKind" NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "state" "BudgetVersionState" NOT NULL DEFAULT 'DRAFT',
    "currency" CHAR(3) NOT NULL,
    "createdById" TEXT,
    "createdByName" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT,
    "approvedByName" VARCHAR(200),
    "approvedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BudgetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" UUID NOT NULL,
    "budgetVersionId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountCny" DECIMAL(18,2) NOT NULL,
    "amountUsd" DECIMAL(18,2) NOT NULL,
    "rateSetId" UUID NOT NULL,
    "externalRef" VARCHAR(120),

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostLine" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "measure" "CostMeasure" NOT NULL,
    "period" DATE NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountCny" DECIMAL(18,2) NOT NULL,
    "amountUsd" DECIMAL(18,2) NOT NULL,
    "rateSetId" UUID NOT NULL,
    "externalRef" VARCHAR(120) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CostLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiDefinition" (
    "id" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "nameEn" VARCHAR(120) NOT NULL,
    "nameZh" VARCHAR(120) NOT NULL,
    "unit" VARCHAR(30) NOT NULL,
    "category" "KpiCategory" NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "aggregation" "KpiAggregation" NOT NULL,
    "numeratorKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "denominatorKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scale" DECIMAL(20,4),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiActual" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "externalRef" VARCHAR(120),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KpiActual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiTarget" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "series" VARCHAR(40) NOT NULL,
    "period" DATE NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "KpiTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiDesignCapacity" (
    "projectId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "monthlyValue" DECIMAL(20,4) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "KpiDesignCapacity_pkey" PRIMARY KEY ("projectId","definitionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CostCategory_key_key" ON "CostCategory"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeRateSet_name_key" ON "ExchangeRateSet"("name");

-- CreateIndex
CREATE INDEX "BudgetVersion_projectId_state_approvedAt_idx" ON "BudgetVersion"("projectId", "state", "approvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_budgetVersionId_categoryId_period_key" ON "BudgetLine"("budgetVersionId", "categoryId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_budgetVersionId_externalRef_key" ON "BudgetLine"("budgetVersionId", "externalRef");

-- CreateIndex
CREATE INDEX "CostLine_projectId_measure_period_idx" ON "CostLine"("projectId", "measure", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CostLine_projectId_externalRef_key" ON "CostLine"("projectId", "externalRef");

-- CreateIndex
CREATE UNIQUE INDEX "KpiDefinition_key_key" ON "KpiDefinition"("key");

-- CreateIndex
CREATE INDEX "KpiActual_definitionId_period_idx" ON "KpiActual"("definitionId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "KpiActual_projectId_definitionId_period_key" ON "KpiActual"("projectId", "definitionId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "KpiTarget_projectId_definitionId_series_period_key" ON "KpiTarget"("projectId", "definitionId", "series", "period");

-- AddForeignKey
ALTER TABLE "CostCategory" ADD CONSTRAINT "CostCategory_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "CostCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRate" ADD CONSTRAINT "ExchangeRate_setId_fkey" FOREIGN KEY ("setId") REFERENCES "ExchangeRateSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetVersion" ADD CONSTRAINT "BudgetVersion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_budgetVersionId_fkey" FOREIGN KEY ("budgetVersionId") REFERENCES "BudgetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "CostCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_rateSetId_fkey" FOREIGN KEY ("rateSetId") REFERENCES "ExchangeRateSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLine" ADD CONSTRAINT "CostLine_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLine" ADD CONSTRAINT "CostLine_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "CostCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLine" ADD CONSTRAINT "CostLine_rateSetId_fkey" FOREIGN KEY ("rateSetId") REFERENCES "ExchangeRateSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiActual" ADD CONSTRAINT "KpiActual_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiActual" ADD CONSTRAINT "KpiActual_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "KpiDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiTarget" ADD CONSTRAINT "KpiTarget_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiTarget" ADD CONSTRAINT "KpiTarget_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "KpiDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiDesignCapacity" ADD CONSTRAINT "KpiDesignCapacity_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiDesignCapacity" ADD CONSTRAINT "KpiDesignCapacity_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "KpiDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A project's currency: CNY at home, USD elsewhere (the organization tree will
-- default it from the project's unit). New Chinese projects default to CNY too.
UPDATE "Project" SET "currency" = 'CNY' WHERE "region" = 'CHINA' OR "countryCode" = 'CN';

CREATE FUNCTION lodestone_project_default_currency() RETURNS trigger AS $$
BEGIN
  -- NULL: a bulk loader (json_populate_recordset) that does not name the column.
  IF NEW."currency" IS NULL OR NEW."currency" = 'USD' THEN
    NEW."currency" := CASE WHEN NEW."region" = 'CHINA' OR NEW."countryCode" = 'CN' THEN 'CNY' ELSE 'USD' END;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER project_default_currency BEFORE INSERT ON "Project"
  FOR EACH ROW EXECUTE FUNCTION lodestone_project_default_currency();

-- The currency is fixed once any budget version or cost line exists.
CREATE FUNCTION lodestone_project_currency_fixed() RETURNS trigger AS $$
BEGIN
  IF NEW."currency" IS DISTINCT FROM OLD."currency" AND (
    EXISTS (SELECT 1 FROM "BudgetVersion" WHERE "projectId" = OLD."id") OR
    EXISTS (SELECT 1 FROM "CostLine" WHERE "projectId" = OLD."id")) THEN
    RAISE EXCEPTION 'The currency of project % is fixed: it has budgets or cost lines', OLD."slug" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER project_currency_fixed BEFORE UPDATE OF "currency" ON "Project"
  FOR EACH ROW EXECUTE FUNCTION lodestone_project_currency_fixed();

-- An approved budget version is final: no UPDATE or DELETE of it, and no
-- INSERT, UPDATE or DELETE of its lines, by anyone, through any client.
-- (DRAFT -> APPROVED is the one update a draft allows to become final.)
-- Corrections are a new version. TRUNCATE (the seed's --reset) is not a row change.
CREATE FUNCTION lodestone_budget_version_final() RETURNS trigger AS $$
BEGIN
  IF OLD."state" = 'APPROVED' THEN
    RAISE EXCEPTION 'Budget version % is approved and cannot be changed (% refused)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER budget_version_final BEFORE UPDATE OR DELETE ON "BudgetVersion"
  FOR EACH ROW EXECUTE FUNCTION lodestone_budget_version_final();

CREATE FUNCTION lodestone_budget_line_final() RETURNS trigger AS $$
DECLARE
  approved boolean;
BEGIN
  SELECT "state" = 'APPROVED' INTO approved FROM "BudgetVersion"
    WHERE "id" = (CASE WHEN TG_OP = 'DELETE' THEN OLD."budgetVersionId" ELSE NEW."budgetVersionId" END);
  IF approved OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM "BudgetVersion" WHERE "id" = OLD."budgetVersionId" AND "state" = 'APPROVED')) THEN
    RAISE EXCEPTION 'The lines of an approved budget version cannot be changed (% refused)', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER budget_line_final BEFORE INSERT OR UPDATE OR DELETE ON "BudgetLine"
  FOR EACH ROW EXECUTE FUNCTION lodestone_budget_line_final();

-- Reference data: the default cost categories and KPI definitions (admins extend them).
INSERT INTO "CostCategory" ("id", "key", "nameEn", "nameZh", "sortOrder") VALUES
  (gen_random_uuid(), 'mining', 'Mining', '采矿', 10),
  (gen_random_uuid(), 'processing-plant', 'Processing plant', '选矿厂', 20),
  (gen_random_uuid(), 'infrastructure', 'Infrastructure', '基础设施', 30),
  (gen_random_uuid(), 'owners-costs', 'Owner''s costs', '业主费用', 40),
  (gen_random_uuid(), 'contingency', 'Contingency', '不可预见费', 50);

INSERT INTO "KpiDefinition" ("id", "key", "nameEn", "nameZh", "unit", "category", "direction", "aggregation", "numeratorKeys", "denominatorKeys", "scale", "sortOrder") VALUES
  (gen_random_uuid(), 'ore-milled', 'Ore milled', '处理矿石量', 't', 'PRODUCTION', 'HIGHER_BETTER', 'SUM', '{}', '{}', NULL, 10),
  (gen_random_uuid(), 'copper-in-concentrate', 'Copper in concentrate', '精矿含铜', 't', 'PRODUCTION', 'HIGHER_BETTER', 'SUM', '{}', '{}', NULL, 20),
  (gen_random_uuid(), 'recovery', 'Recovery', '回收率', '%', 'PRODUCTION', 'HIGHER_BETTER', 'AVERAGE', '{}', '{}', NULL, 30),
  (gen_random_uuid(), 'lost-time-injuries', 'Lost-time injuries', '损工伤害', 'count', 'SAFETY', 'LOWER_BETTER', 'SUM', '{}', '{}', NULL, 40),
  (gen_random_uuid(), 'recordable-injuries', 'Recordable injuries', '可记录伤害', 'count', 'SAFETY', 'LOWER_BETTER', 'SUM', '{}', '{}', NULL, 50),
  (gen_random_uuid(), 'hours-employees', 'Hours worked (employees)', '工时（员工）', 'h', 'SAFETY', 'HIGHER_BETTER', 'SUM', '{}', '{}', NULL, 60),
  (gen_random_uuid(), 'hours-contractors', 'Hours worked (contractors)', '工时（承包商）', 'h', 'SAFETY', 'HIGHER_BETTER', 'SUM', '{}', '{}', NULL, 70),
  (gen_random_uuid(), 'trifr', 'TRIFR', '总可记录伤害频率', 'per 1M h', 'SAFETY', 'LOWER_BETTER', 'RATIO', '{recordable-injuries}', '{hours-employees,hours-contractors}', 1000000, 80),
  (gen_random_uuid(), 'ltifr', 'LTIFR', '损工伤害频率', 'per 1M h', 'SAFETY', 'LOWER_BETTER', 'RATIO', '{lost-time-injuries}', '{hours-employees,hours-contractors}', 1000000, 90);
