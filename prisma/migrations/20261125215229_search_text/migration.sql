-- Search across names (both languages), summary, operating company and
-- milestone titles through one lower-cased column with a trigram index.
-- Triggers keep it, so every write path (the app, seeds, bulk loads, SQL by
-- hand) leaves it right; the app never writes it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION lodestone_search_text(name_en text, name_zh text, summary text, company text, project_id uuid) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT lower(concat_ws(E'\n', name_en, name_zh, summary, company,
    (SELECT string_agg(concat_ws(E'\n', m.title, m."titleZh"), E'\n' ORDER BY m."sortOrder", m.id)
     FROM "Milestone" m WHERE m."projectId" = project_id)))
$$;

CREATE FUNCTION lodestone_project_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lodestone_search_text(NEW."nameEn", NEW."nameZh", NEW.summary, NEW."operatingCompany", NEW.id);
  RETURN NEW;
END
$$;

CREATE TRIGGER project_search_text BEFORE INSERT OR UPDATE OF "nameEn", "nameZh", summary, "operatingCompany" ON "Project"
FOR EACH ROW EXECUTE FUNCTION lodestone_project_search_text();

-- Statement-level with transition tables: a bulk load of milestones
-- recomputes each project once, not once per milestone.
CREATE FUNCTION lodestone_milestone_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Project" p
  SET "searchText" = lodestone_search_text(p."nameEn", p."nameZh", p.summary, p."operatingCompany", p.id)
  WHERE p.id IN (SELECT DISTINCT "projectId" FROM changed_milestones);
  RETURN NULL;
END
$$;

CREATE TRIGGER milestone_search_text_insert AFTER INSERT ON "Milestone"
REFERENCING NEW TABLE AS changed_milestones FOR EACH STATEMENT EXECUTE FUNCTION lodestone_milestone_search_text();
CREATE TRIGGER milestone_search_text_update AFTER UPDATE ON "Milestone"
REFERENCING NEW TABLE AS changed_milestones FOR EACH STATEMENT EXECUTE FUNCTION lodestone_milestone_search_text();
CREATE TRIGGER milestone_search_text_delete AFTER DELETE ON "Milestone"
REFERENCING OLD TABLE AS changed_milestones FOR EACH STATEMENT EXECUTE FUNCTION lodestone_milestone_search_text();

UPDATE "Project" SET "searchText" = lodestone_search_text("nameEn", "nameZh", summary, "operatingCompany", id);

-- CreateIndex
CREATE INDEX "Project_searchText_idx" ON "Project" USING GIN ("searchText" gin_trgm_ops);
