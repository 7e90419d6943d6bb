-- The search column also holds the Chinese summary (added by the bilingual
-- content migration): the functions take it and the trigger watches it.
DROP TRIGGER project_search_text ON "Project";

CREATE FUNCTION lodestone_search_text(name_en text, name_zh text, summary text, summary_zh text, company text, project_id uuid) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT lower(concat_ws(E'\n', name_en, name_zh, summary, summary_zh, company,
    (SELECT string_agg(concat_ws(E'\n', m.title, m."titleZh"), E'\n' ORDER BY m."sortOrder", m.id)
     FROM "Milestone" m WHERE m."projectId" = project_id)))
$$;

CREATE OR REPLACE FUNCTION lodestone_project_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := lodestone_search_text(NEW."nameEn", NEW."nameZh", NEW.summary, NEW."summaryZh", NEW."operatingCompany", NEW.id);
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION lodestone_milestone_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Project" p
  SET "searchText" = lodestone_search_text(p."nameEn", p."nameZh", p.summary, p."summaryZh", p."operatingCompany", p.id)
  WHERE p.id IN (SELECT DISTINCT "projectId" FROM changed_milestones);
  RETURN NULL;
END
$$;

DROP FUNCTION lodestone_search_text(text, text, text, text, uuid);

CREATE TRIGGER project_search_text BEFORE INSERT OR UPDATE OF "nameEn", "nameZh", summary, "summaryZh", "operatingCompany" ON "Project"
FOR EACH ROW EXECUTE FUNCTION lodestone_project_search_text();

UPDATE "Project" SET "searchText" = lodestone_search_text("nameEn", "nameZh", summary, "summaryZh", "operatingCompany", id);
