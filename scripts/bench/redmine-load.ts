/**
 * Loads the bench's synthetic portfolio into a throwaway Redmine 5 database,
 * for `npm run bench -- --peer redmine` (bench/README.md, "Peer: Redmine"):
 *
 *   npx tsx scripts/bench/redmine-load.ts --database-url postgres://…/redmine_bench --projects 20000
 *
 * The same generator, options and seed as the bench's own portfolio
 * (scripts/bench/synthetic.ts via scripts/bench/data.ts), so project i has the
 * same identifier, name and facts in both. Bulk SQL (INSERT … SELECT FROM
 * unnest(…) in chunks), not Redmine's models: 20,000 projects in about a
 * minute instead of hours. It EMPTIES Redmine's projects, versions, issues,
 * journals and custom values first: point it at a Redmine of its own only.
 * Run after `rake db:migrate` and `rake redmine:load_default_data`, then
 * scripts/bench/redmine-setup.rb.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { HISTORY_PER_PROJECT, MILESTONES_PER_PROJECT } from "./data";
import { REDMINE_FACT_FIELDS, redmineRows, yamlList } from "./redmine-rows";
import { generateSyntheticProjects } from "./synthetic";

const CHUNK = 5000;
/** The synthetic portfolio's "now", as the rows' timestamps. */
const LOADED_ON = "2026-11-01 00:00:00";

type Column = [name: string, pgType: string, values: unknown[]];

async function insert(client: pg.Client, table: string, columns: Column[], constants: Record<string, string> = {}): Promise<void> {
  const n = columns[0][2].length;
  const names = [...columns.map((c) => c[0]), ...Object.keys(constants)].join(", ");
  const selects = [...columns.map((c, k) => `$${k + 1}::${c[1]}[]`)];
  const consts = Object.values(constants);
  for (let start = 0; start < n; start += CHUNK) {
    const params = columns.map((c) => c[2].slice(start, start + CHUNK));
    const sql = `INSERT INTO ${table} (${names}) SELECT u.*${consts.length ? `, ${consts.join(", ")}` : ""} FROM unnest(${selects.join(", ")}) AS u`;
    await client.query(sql, params);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { "database-url": { type: "string" }, projects: { type: "string", default: "20000" } },
    strict: true,
  });
  const url = values["database-url"] ?? process.env.REDMINE_DATABASE_URL;
  const count = Number(values.projects);
  if (!url || !/^postgres(ql)?:\/\//.test(url) || !Number.isSafeInteger(count) || count < 1) {
    console.error("usage: npx tsx scripts/bench/redmine-load.ts --database-url postgres://…/redmine_db [--projects 20000]");
    return 2;
  }
  const started = performance.now();
  const rows = redmineRows(generateSyntheticProjects({ count, milestonesPerProject: MILESTONES_PER_PROJECT, historyPerProject: HISTORY_PER_PROJECT }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: admins } = await client.query<{ id: number }>(`SELECT id FROM users WHERE login = 'admin'`);
    if (!admins[0]) throw new Error("no admin user: run `rake db:migrate` and `rake redmine:load_default_data` first");
    const author = admins[0].id;
    await client.query("BEGIN");
    await client.query(
      `TRUNCATE projects, versions, issues, journals, journal_details, custom_values, enabled_modules, projects_trackers, custom_fields_projects, members, member_roles RESTART IDENTITY`,
    );
    await client.query(`DELETE FROM custom_fields WHERE type = 'ProjectCustomField'`);
    const fieldIds: number[] = [];
    for (const [position, f] of REDMINE_FACT_FIELDS.entries()) {
      const { rows: created } = await client.query<{ id: number }>(
        `INSERT INTO custom_fields (type, name, field_format, possible_values, is_filter, visible, position, searchable, editable, multiple, is_for_all)
         VALUES ('ProjectCustomField', $1, 'list', $2, true, true, $3, false, true, false, false) RETURNING id`,
        [f.name, yamlList(f.values), position + 1],
      );
      fieldIds.push(created[0].id);
    }
    const now = { created_on: `'${LOADED_ON}'`, updated_on: `'${LOADED_ON}'` };
    const p = rows.projects;
    await insert(
      client,
      "projects",
      [
        ["id", "int", p.map((r) => r.id)],
        ["name", "text", p.map((r) => r.name)],
        ["description", "text", p.map((r) => r.description)],
        ["identifier", "text", p.map((r) => r.identifier)],
        ["lft", "int", p.map((r) => r.lft)],
        ["rgt", "int", p.map((r) => r.rgt)],
      ],
      { ...now, is_public: "true", status: "1", homepage: "''", inherit_members: "false" },
    );
    const ids = p.map((r) => r.id);
    await insert(client, "enabled_modules", [["project_id", "int", ids]], { name: "'issue_tracking'" });
    await insert(client, "projects_trackers", [["project_id", "int", ids]], { tracker_id: "2" });
    const cv = rows.customValues;
    await insert(
      client,
      "custom_values",
      [
        ["customized_id", "int", cv.map((r) => r.projectId)],
        ["custom_field_id", "int", cv.map((r) => fieldIds[r.field])],
        ["value", "text", cv.map((r) => r.value)],
      ],
      { customized_type: "'Project'" },
    );
    const v = rows.versions;
    await insert(
      client,
      "versions",
      [
        ["id", "int", v.map((r) => r.id)],
        ["project_id", "int", v.map((r) => r.projectId)],
        ["name", "text", v.map((r) => r.name)],
        ["effective_date", "date", v.map((r) => r.effectiveDate)],
        ["status", "text", v.map((r) => r.status)],
      ],
      { ...now, sharing: "'none'", description: "''" },
    );
    const is = rows.issues;
    await insert(
      client,
      "issues",
      [
        ["id", "int", is.map((r) => r.id)],
        ["project_id", "int", is.map((r) => r.projectId)],
        ["fixed_version_id", "int", is.map((r) => r.versionId)],
        ["subject", "text", is.map((r) => r.subject)],
        ["due_date", "date", is.map((r) => r.dueDate)],
        ["status_id", "int", is.map((r) => r.statusId)],
        ["closed_on", "timestamp", is.map((r) => (r.closed ? LOADED_ON : null))],
        ["done_ratio", "int", is.map((r) => r.doneRatio)],
        ["tracker_id", "int", is.map((r) => r.trackerId)],
        ["priority_id", "int", is.map((r) => r.priorityId)],
        ["root_id", "int", is.map((r) => r.id)],
      ],
      { ...now, author_id: String(author), lft: "1", rgt: "2", lock_version: "0", is_private: "false" },
    );
    const j = rows.journals;
    await insert(
      client,
      "journals",
      [
        ["journalized_id", "int", j.map((r) => r.issueId)],
        ["notes", "text", j.map((r) => r.notes)],
        ["created_on", "timestamp", j.map((r) => r.createdOn)],
      ],
      { journalized_type: "'Issue'", user_id: String(author), private_notes: "false" },
    );
    for (const table of ["projects", "versions", "issues"]) await client.query(`SELECT setval('${table}_id_seq', (SELECT max(id) FROM ${table}))`);
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(
    `Loaded ${rows.projects.length} projects, ${rows.versions.length} versions, ${rows.issues.length} issues, ${rows.journals.length} journals, ${rows.customValues.length} custom values in ${seconds} s.`,
  );
  console.log("Next: RAILS_ENV=production bundle exec rails runner scripts/bench/redmine-setup.rb (in Redmine's folder), then restart Redmine.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
