-- A new project's currency defaults from its organization unit's currency
-- (issue 13: "builds on the organization issue: currencies per unit"). The group
-- at the root spans home and overseas sites, so a project owned directly by it
-- keeps the location rule of 20261203180936_capex_and_kpis: CNY in China, USD
-- elsewhere. An explicit currency other than the column default is kept.
-- Existing projects are not changed: the currency is fixed once a line exists,
-- and one without lines is changed through the capex form, audited.
CREATE OR REPLACE FUNCTION lodestone_project_default_currency() RETURNS trigger AS $$
DECLARE
  unit_currency CHAR(3);
BEGIN
  -- NULL: a bulk loader (json_populate_recordset) that does not name the column.
  IF NEW."currency" IS NULL OR NEW."currency" = 'USD' THEN
    SELECT u."currency" INTO unit_currency FROM "OrgUnit" u WHERE u."id" = NEW."orgUnitId" AND u."parentId" IS NOT NULL;
    NEW."currency" := COALESCE(unit_currency, CASE WHEN NEW."region" = 'CHINA' OR NEW."countryCode" = 'CN' THEN 'CNY' ELSE 'USD' END);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
