-- CreateTable
CREATE TABLE "AuthVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "AuthVersion_pkey" PRIMARY KEY ("id")
);

-- One counter, moved in the same transaction as every change that can end a
-- session or change what a signed-in user may do or is shown as: a session
-- ended, a user disabled, renamed or re-languaged, a role assignment added,
-- changed or removed, a unit moved. Each app instance's session cache
-- (lib/auth/session-cache.ts) compares it on every request, so no instance
-- serves a grant older than the last such change (docs/decisions/0075).
-- Triggers, not application code: Better Auth and the admin plugin delete
-- sessions on their own paths, and a statement-level trigger misses none.
-- Not on "lastSeenAt"/"visitSince": every dashboard view writes them (lib/dashboard/visits.ts),
-- and no reader takes them from the cached viewer.
INSERT INTO "AuthVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION auth_version_bump() RETURNS trigger AS $$
BEGIN
  UPDATE "AuthVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER session_ended_auth_version
  AFTER DELETE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION auth_version_bump();

CREATE TRIGGER user_changed_auth_version
  AFTER UPDATE OF "banned", "banExpires", "role", "name", "email", "locale" OR DELETE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION auth_version_bump();

CREATE TRIGGER role_assignment_auth_version
  AFTER INSERT OR UPDATE OR DELETE ON "RoleAssignment"
  FOR EACH STATEMENT EXECUTE FUNCTION auth_version_bump();

CREATE TRIGGER org_unit_auth_version
  AFTER UPDATE OF "code", "path", "parentId" OR DELETE ON "OrgUnit"
  FOR EACH STATEMENT EXECUTE FUNCTION auth_version_bump();
