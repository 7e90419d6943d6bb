-- CreateTable
CREATE TABLE "CostMonth" (
    "projectId" UUID NOT NULL,
    "measure" "CostMeasure" NOT NULL,
    "period" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rateSetId" UUID NOT NULL,
    "amount" DECIMAL(24,2) NOT NULL,
    "amountCny" DECIMAL(24,2) NOT NULL,
    "amountUsd" DECIMAL(24,2) NOT NULL,
    "lines" INTEGER NOT NULL,

    CONSTRAINT "CostMonth_pkey" PRIMARY KEY ("projectId","measure","period","currency","rateSetId")
);

-- CreateTable
CREATE TABLE "BudgetMonth" (
    "budgetVersionId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rateSetId" UUID NOT NULL,
    "amount" DECIMAL(24,2) NOT NULL,
    "amountCny" DECIMAL(24,2) NOT NULL,
    "amountUsd" DECIMAL(24,2) NOT NULL,
    "lines" INTEGER NOT NULL,

    CONSTRAINT "BudgetMonth_pkey" PRIMARY KEY ("budgetVersionId","period","currency","rateSetId")
);

-- CreateTable
CREATE TABLE "CapexSummary" (
    "projectId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "approvedVersionId" UUID,
    "approved" DECIMAL(24,2),
    "approvedCny" DECIMAL(24,2),
    "approvedUsd" DECIMAL(24,2),
    "actualThrough" DATE,
    "eac" DECIMAL(24,2),
    "eacCny" DECIMAL(24,2),
    "eacUsd" DECIMAL(24,2),
    "rateSetIds" UUID[],

    CONSTRAINT "CapexSummary_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "KpiSummary" (
    "projectId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "latestPeriod" DATE NOT NULL,
    "latestValue" DECIMAL(20,4) NOT NULL,
    "sum12" DECIMAL(28,4) NOT NULL,

    CONSTRAINT "KpiSummary_pkey" PRIMARY KEY ("projectId","definitionId")
);

-- CreateIndex
CREATE INDEX "KpiSummary_definitionId_latestPeriod_idx" ON "KpiSummary"("definitionId", "latestPeriod");

-- AddForeignKey
ALTER TABLE "CostMonth" ADD CONSTRAINT "CostMonth_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetMonth" ADD CONSTRAINT "BudgetMonth_budgetVersionId_fkey" FOREIGN KEY ("budgetVersionId") REFERENCES "BudgetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapexSummary" ADD CONSTRAINT "CapexSummary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiSummary" ADD CONSTRAINT "KpiSummary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiSummary" ADD CONSTRAINT "KpiSummary_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "KpiDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The summaries are kept by statement-level triggers with transition tables
-- (docs/decisions/0070-capex-summaries-by-trigger.md): every write of cost
-- lines, budget lines, budget versions or KPI actuals, by form, upload, seed
-- or SQL, updates them in the same statement, set-wise (a 10,000-row upload is
-- one GROUP BY per statement, not 10,000 row triggers). Sums are numeric
-- (exact) and kept per currency and rate set, as on the lines.

-- One project's CapexSummary row from its month sums (capex-math.ts: the
-- current approved version is the latest approved; EAC = actual to date +
-- forecast after the last actual month; null without either). A project that
-- no longer exists (a cascade delete) is skipped.
CREATE FUNCTION lodestone_capex_refresh(ids uuid[]) RETURNS void AS $$
BEGIN
  INSERT INTO "CapexSummary" AS s ("projectId", "currency", "approvedVersionId", "approved", "approvedCny", "approvedUsd",
    "actualThrough", "eac", "eacCny", "eacUsd", "rateSetIds")
  SELECT p."id", p."currency", cur."id",
    CASE WHEN cur."id" IS NOT NULL THEN COALESCE(b."amount", 0) END,
    CASE WHEN cur."id" IS NOT NULL THEN COALESCE(b."cny", 0) END,
    CASE WHEN cur."id" IS NOT NULL THEN COALESCE(b."usd", 0) END,
    la."through", e."amount", e."cny", e."usd",
    ARRAY(SELECT DISTINCT x FROM unnest(COALESCE(b."sets", '{}'::uuid[]) || COALESCE(e."sets", '{}'::uuid[])) x WHERE x IS NOT NULL ORDER BY x)
  FROM "Project" p
  LEFT JOIN LATERAL (
    SELECT v."id" FROM "BudgetVersion" v WHERE v."projectId" = p."id" AND v."state" = 'APPROVED' ORDER BY v."approvedAt" DESC LIMIT 1
  ) cur ON TRUE
  LEFT JOIN LATERAL (
    SELECT sum(m."amount") FILTER (WHERE m."currency" = p."currency") AS "amount", sum(m."amountCny") AS "cny", sum(m."amountUsd") AS "usd",
      array_agg(DISTINCT m."rateSetId") AS "sets"
    FROM "BudgetMonth" m WHERE m."budgetVersionId" = cur."id"
  ) b ON TRUE
  LEFT JOIN LATERAL (
    SELECT max(m."period") AS "through" FROM "CostMonth" m WHERE m."projectId" = p."id" AND m."measure" = 'ACTUAL'
  ) la ON TRUE
  LEFT JOIN LATERAL (
    SELECT sum(m."amount") FILTER (WHERE m."currency" = p."currency") AS "amount", sum(m."amountCny") AS "cny", sum(m."amountUsd") AS "usd",
      array_agg(DISTINCT m."rateSetId") AS "sets"
    FROM "CostMonth" m
    WHERE m."projectId" = p."id" AND (m."measure" = 'ACTUAL' OR (m."measure" = 'FORECAST' AND m."period" > COALESCE(la."through", '-infinity'::date)))
  ) e ON TRUE
  WHERE p."id" = ANY(ids)
  ON CONFLICT ("projectId") DO UPDATE SET
    "currency" = EXCLUDED."currency", "approvedVersionId" = EXCLUDED."approvedVersionId",
    "approved" = EXCLUDED."approved", "approvedCny" = EXCLUDED."approvedCny", "approvedUsd" = EXCLUDED."approvedUsd",
    "actualThrough" = EXCLUDED."actualThrough", "eac" = EXCLUDED."eac", "eacCny" = EXCLUDED."eacCny", "eacUsd" = EXCLUDED."eacUsd",
    "rateSetIds" = EXCLUDED."rateSetIds";
END;
$$ LANGUAGE plpgsql;

-- CostLine → CostMonth. Insert and update add signed deltas (an upsert per
-- key); delete only subtracts from rows that still exist (in a project's
-- cascade delete the months may be gone already, and nothing may be inserted
-- for a deleted project). A month whose line count reaches 0 is removed.
CREATE FUNCTION lodestone_cost_month_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO "CostMonth" AS m ("projectId", "measure", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", "lines")
  SELECT "projectId", "measure", "period", "currency", "rateSetId", sum("amount"), sum("amountCny"), sum("amountUsd"), count(*)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ("projectId", "measure", "period", "currency", "rateSetId") DO UPDATE SET
    "amount" = m."amount" + EXCLUDED."amount", "amountCny" = m."amountCny" + EXCLUDED."amountCny",
    "amountUsd" = m."amountUsd" + EXCLUDED."amountUsd", "lines" = m."lines" + EXCLUDED."lines";
  PERFORM lodestone_capex_refresh(ARRAY(SELECT DISTINCT "projectId" FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_cost_month_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO "CostMonth" AS m ("projectId", "measure", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", "lines")
  SELECT "projectId", "measure", "period", "currency", "rateSetId", sum(a), sum(c), sum(u), sum(n)
  FROM (
    SELECT "projectId", "measure", "period", "currency", "rateSetId", -"amount" AS a, -"amountCny" AS c, -"amountUsd" AS u, -1 AS n FROM old_rows
    UNION ALL
    SELECT "projectId", "measure", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", 1 FROM new_rows
  ) d GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ("projectId", "measure", "period", "currency", "rateSetId") DO UPDATE SET
    "amount" = m."amount" + EXCLUDED."amount", "amountCny" = m."amountCny" + EXCLUDED."amountCny",
    "amountUsd" = m."amountUsd" + EXCLUDED."amountUsd", "lines" = m."lines" + EXCLUDED."lines";
  DELETE FROM "CostMonth" m WHERE m."lines" <= 0 AND m."projectId" IN (SELECT "projectId" FROM old_rows UNION SELECT "projectId" FROM new_rows);
  PERFORM lodestone_capex_refresh(ARRAY(SELECT "projectId" FROM old_rows UNION SELECT "projectId" FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_cost_month_delete() RETURNS trigger AS $$
BEGIN
  UPDATE "CostMonth" m SET "amount" = m."amount" - d.a, "amountCny" = m."amountCny" - d.c, "amountUsd" = m."amountUsd" - d.u, "lines" = m."lines" - d.n
  FROM (
    SELECT "projectId", "measure", "period", "currency", "rateSetId", sum("amount") AS a, sum("amountCny") AS c, sum("amountUsd") AS u, count(*) AS n
    FROM old_rows GROUP BY 1, 2, 3, 4, 5
  ) d
  WHERE m."projectId" = d."projectId" AND m."measure" = d."measure" AND m."period" = d."period" AND m."currency" = d."currency" AND m."rateSetId" = d."rateSetId";
  DELETE FROM "CostMonth" m WHERE m."lines" <= 0 AND m."projectId" IN (SELECT "projectId" FROM old_rows);
  PERFORM lodestone_capex_refresh(ARRAY(SELECT DISTINCT "projectId" FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cost_month_insert AFTER INSERT ON "CostLine" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cost_month_insert();
CREATE TRIGGER cost_month_update AFTER UPDATE ON "CostLine" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cost_month_update();
CREATE TRIGGER cost_month_delete AFTER DELETE ON "CostLine" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_cost_month_delete();

-- BudgetLine → BudgetMonth, the same way. Lines change only in drafts (the
-- budget_line_final trigger), so they never move an approved figure: the
-- project's summary is refreshed when a version changes state (below).
CREATE FUNCTION lodestone_budget_month_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO "BudgetMonth" AS m ("budgetVersionId", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", "lines")
  SELECT "budgetVersionId", "period", "currency", "rateSetId", sum("amount"), sum("amountCny"), sum("amountUsd"), count(*)
  FROM new_rows GROUP BY 1, 2, 3, 4
  ON CONFLICT ("budgetVersionId", "period", "currency", "rateSetId") DO UPDATE SET
    "amount" = m."amount" + EXCLUDED."amount", "amountCny" = m."amountCny" + EXCLUDED."amountCny",
    "amountUsd" = m."amountUsd" + EXCLUDED."amountUsd", "lines" = m."lines" + EXCLUDED."lines";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_budget_month_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO "BudgetMonth" AS m ("budgetVersionId", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", "lines")
  SELECT "budgetVersionId", "period", "currency", "rateSetId", sum(a), sum(c), sum(u), sum(n)
  FROM (
    SELECT "budgetVersionId", "period", "currency", "rateSetId", -"amount" AS a, -"amountCny" AS c, -"amountUsd" AS u, -1 AS n FROM old_rows
    UNION ALL
    SELECT "budgetVersionId", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", 1 FROM new_rows
  ) d GROUP BY 1, 2, 3, 4
  ON CONFLICT ("budgetVersionId", "period", "currency", "rateSetId") DO UPDATE SET
    "amount" = m."amount" + EXCLUDED."amount", "amountCny" = m."amountCny" + EXCLUDED."amountCny",
    "amountUsd" = m."amountUsd" + EXCLUDED."amountUsd", "lines" = m."lines" + EXCLUDED."lines";
  DELETE FROM "BudgetMonth" m WHERE m."lines" <= 0
    AND m."budgetVersionId" IN (SELECT "budgetVersionId" FROM old_rows UNION SELECT "budgetVersionId" FROM new_rows);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_budget_month_delete() RETURNS trigger AS $$
BEGIN
  UPDATE "BudgetMonth" m SET "amount" = m."amount" - d.a, "amountCny" = m."amountCny" - d.c, "amountUsd" = m."amountUsd" - d.u, "lines" = m."lines" - d.n
  FROM (
    SELECT "budgetVersionId", "period", "currency", "rateSetId", sum("amount") AS a, sum("amountCny") AS c, sum("amountUsd") AS u, count(*) AS n
    FROM old_rows GROUP BY 1, 2, 3, 4
  ) d
  WHERE m."budgetVersionId" = d."budgetVersionId" AND m."period" = d."period" AND m."currency" = d."currency" AND m."rateSetId" = d."rateSetId";
  DELETE FROM "BudgetMonth" m WHERE m."lines" <= 0 AND m."budgetVersionId" IN (SELECT "budgetVersionId" FROM old_rows);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER budget_month_insert AFTER INSERT ON "BudgetLine" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_budget_month_insert();
CREATE TRIGGER budget_month_update AFTER UPDATE ON "BudgetLine" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_budget_month_update();
CREATE TRIGGER budget_month_delete AFTER DELETE ON "BudgetLine" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_budget_month_delete();

-- A version made, approved or removed: its project's current approved budget may change.
CREATE FUNCTION lodestone_capex_version_new() RETURNS trigger AS $$
BEGIN
  PERFORM lodestone_capex_refresh(ARRAY(SELECT DISTINCT "projectId" FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_capex_version_old() RETURNS trigger AS $$
BEGIN
  PERFORM lodestone_capex_refresh(ARRAY(SELECT DISTINCT "projectId" FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER capex_version_insert AFTER INSERT ON "BudgetVersion" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_capex_version_new();
CREATE TRIGGER capex_version_update AFTER UPDATE ON "BudgetVersion" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_capex_version_new();
CREATE TRIGGER capex_version_delete AFTER DELETE ON "BudgetVersion" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_capex_version_old();

-- The summary names the project's currency (fixed once a line exists; it may change before).
CREATE FUNCTION lodestone_capex_project_currency() RETURNS trigger AS $$
BEGIN
  UPDATE "CapexSummary" SET "currency" = NEW."currency" WHERE "projectId" = NEW."id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER capex_project_currency AFTER UPDATE OF "currency" ON "Project"
  FOR EACH ROW WHEN (OLD."currency" IS DISTINCT FROM NEW."currency") EXECUTE FUNCTION lodestone_capex_project_currency();

-- KpiActual → KpiSummary: each (project, KPI) touched is recomputed from its
-- actuals (its latest month and the 12 months to it: 12 index reads).
CREATE FUNCTION lodestone_kpi_refresh(pids uuid[], dids uuid[]) RETURNS void AS $$
BEGIN
  DELETE FROM "KpiSummary" s USING unnest(pids, dids) AS k(p, d) WHERE s."projectId" = k.p AND s."definitionId" = k.d;
  INSERT INTO "KpiSummary" ("projectId", "definitionId", "latestPeriod", "latestValue", "sum12")
  SELECT k.p, k.d, l."period", l."value",
    (SELECT sum(a."value") FROM "KpiActual" a
      WHERE a."projectId" = k.p AND a."definitionId" = k.d AND a."period" > (l."period" - interval '12 months')::date AND a."period" <= l."period")
  FROM (SELECT DISTINCT p, d FROM unnest(pids, dids) AS u(p, d)) k
  JOIN "Project" pr ON pr."id" = k.p
  CROSS JOIN LATERAL (
    SELECT a."period", a."value" FROM "KpiActual" a WHERE a."projectId" = k.p AND a."definitionId" = k.d ORDER BY a."period" DESC LIMIT 1
  ) l;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_kpi_summary_new() RETURNS trigger AS $$
BEGIN
  PERFORM lodestone_kpi_refresh(ARRAY(SELECT "projectId" FROM new_rows), ARRAY(SELECT "definitionId" FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_kpi_summary_update() RETURNS trigger AS $$
BEGIN
  PERFORM lodestone_kpi_refresh(
    ARRAY(SELECT "projectId" FROM old_rows UNION ALL SELECT "projectId" FROM new_rows),
    ARRAY(SELECT "definitionId" FROM old_rows UNION ALL SELECT "definitionId" FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION lodestone_kpi_summary_old() RETURNS trigger AS $$
BEGIN
  PERFORM lodestone_kpi_refresh(ARRAY(SELECT "projectId" FROM old_rows), ARRAY(SELECT "definitionId" FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER kpi_summary_insert AFTER INSERT ON "KpiActual" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_kpi_summary_new();
CREATE TRIGGER kpi_summary_update AFTER UPDATE ON "KpiActual" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_kpi_summary_update();
CREATE TRIGGER kpi_summary_delete AFTER DELETE ON "KpiActual" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lodestone_kpi_summary_old();

-- Existing data: the summaries of what is there already.
INSERT INTO "CostMonth" ("projectId", "measure", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", "lines")
SELECT "projectId", "measure", "period", "currency", "rateSetId", sum("amount"), sum("amountCny"), sum("amountUsd"), count(*)
FROM "CostLine" GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "BudgetMonth" ("budgetVersionId", "period", "currency", "rateSetId", "amount", "amountCny", "amountUsd", "lines")
SELECT "budgetVersionId", "period", "currency", "rateSetId", sum("amount"), sum("amountCny"), sum("amountUsd"), count(*)
FROM "BudgetLine" GROUP BY 1, 2, 3, 4;
SELECT lodestone_capex_refresh(ARRAY(SELECT "projectId" FROM "BudgetVersion" UNION SELECT "projectId" FROM "CostLine"));
SELECT lodestone_kpi_refresh(array_agg(k.p), array_agg(k.d)) FROM (SELECT DISTINCT "projectId" AS p, "definitionId" AS d FROM "KpiActual") k;
