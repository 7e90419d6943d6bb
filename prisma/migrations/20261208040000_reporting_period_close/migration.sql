-- Closing a reporting period (issue 15, docs/decisions/0073): the group closes
-- a month once its pack is final. Afterwards no first report of the period can
-- be written, submitted or published; only a correction (a row that supersedes
-- a published one, with its reason) may still be drafted and go through review.
-- Enforced here for every client, as the app does before it tries.
ALTER TABLE "ReportingPeriod" ADD COLUMN "closedByName" VARCHAR(200);

CREATE FUNCTION status_report_period_closed() RETURNS trigger AS $$
BEGIN
  -- A report may still be returned to its manager (it then stays unreported):
  -- returning publishes nothing.
  IF NEW."supersedesId" IS NULL
     AND (TG_OP = 'INSERT' OR NEW."state" <> 'RETURNED')
     AND EXISTS (SELECT 1 FROM "ReportingPeriod" p WHERE p."id" = NEW."periodId" AND p."closedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'ReportingPeriod % is closed: only a correction may be written (% refused)', NEW."periodId", TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER status_report_period_closed
  BEFORE INSERT OR UPDATE ON "StatusReport"
  FOR EACH ROW EXECUTE FUNCTION status_report_period_closed();

-- A close is final: it is never undone or moved, and a closed period is never deleted.
CREATE FUNCTION reporting_period_close_is_final() RETURNS trigger AS $$
BEGIN
  IF OLD."closedAt" IS NOT NULL AND (TG_OP = 'DELETE' OR NEW."closedAt" IS DISTINCT FROM OLD."closedAt" OR NEW."closedByName" IS DISTINCT FROM OLD."closedByName") THEN
    RAISE EXCEPTION 'ReportingPeriod % is closed and cannot change (% refused)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER reporting_period_close_is_final
  BEFORE UPDATE OR DELETE ON "ReportingPeriod"
  FOR EACH ROW EXECUTE FUNCTION reporting_period_close_is_final();
