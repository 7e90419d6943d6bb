-- CreateEnum
CREATE TYPE "AppRole" AS ENUM ('admin', 'pmo', 'manager', 'executive', 'staff');

-- AlterTable (filled below, then made required)
ALTER TABLE "Project" ADD COLUMN     "orgUnitId" UUID;

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200),
    "parentId" UUID,
    "path" VARCHAR(1000) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" UUID NOT NULL,
    "role" "AppRole" NOT NULL,
    "assignedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_code_key" ON "OrgUnit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "OrgUnit_path_key" ON "OrgUnit"("path");

-- CreateIndex
CREATE INDEX "OrgUnit_parentId_idx" ON "OrgUnit"("parentId");

-- CreateIndex
CREATE INDEX "RoleAssignment_unitId_idx" ON "RoleAssignment"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_unitId_role_key" ON "RoleAssignment"("userId", "unitId", "role");

-- CreateIndex
CREATE INDEX "Project_orgUnitId_idx" ON "Project"("orgUnitId");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: the group at the root and the subsidiaries the existing operating
-- company texts name (ids and codes as in prisma/seed/org-units.ts).
INSERT INTO "OrgUnit" ("id", "code", "nameEn", "nameZh", "parentId", "path", "currency", "updatedAt") VALUES
  ('00000000-0000-4000-8000-000000000001', 'GRP', 'China Minmetals Corporation', '中国五矿集团有限公司', NULL, '/GRP/', 'CNY', CURRENT_TIMESTAMP),
  ('00000000-0000-4000-8000-000000000002', 'MMG', 'MMG Limited', '五矿资源有限公司', '00000000-0000-4000-8000-000000000001', '/GRP/MMG/', 'USD', CURRENT_TIMESTAMP),
  ('00000000-0000-4000-8000-000000000003', 'MCC', 'Metallurgical Corporation of China Ltd.', '中国冶金科工股份有限公司', '00000000-0000-4000-8000-000000000001', '/GRP/MCC/', 'CNY', CURRENT_TIMESTAMP),
  ('00000000-0000-4000-8000-000000000004', 'CMSL', 'China Minmetals Salt Lake Co., Ltd.', '五矿盐湖有限公司', '00000000-0000-4000-8000-000000000001', '/GRP/CMSL/', 'CNY', CURRENT_TIMESTAMP);

-- The free-text operating company becomes the owning unit where a unit fits;
-- the text stays only where none does (a client, a partner).
UPDATE "Project" SET "orgUnitId" = CASE
    WHEN lower(trim("operatingCompany")) IN ('mmg', 'mmg limited', 'mmg ltd', 'mmg ltd.') THEN '00000000-0000-4000-8000-000000000002'::uuid
    WHEN lower(trim("operatingCompany")) IN ('mcc', 'metallurgical corporation of china', 'metallurgical corporation of china ltd.', 'china metallurgical group corporation') THEN '00000000-0000-4000-8000-000000000003'::uuid
    WHEN lower(trim("operatingCompany")) IN ('china minmetals salt lake co., ltd.', 'china minmetals salt lake', 'minmetals salt lake') THEN '00000000-0000-4000-8000-000000000004'::uuid
    ELSE '00000000-0000-4000-8000-000000000001'::uuid END;
UPDATE "Project" SET "operatingCompany" = NULL
  WHERE lower(trim("operatingCompany")) IN ('mmg', 'mmg limited', 'mmg ltd', 'mmg ltd.', 'mcc', 'metallurgical corporation of china',
    'metallurgical corporation of china ltd.', 'china metallurgical group corporation', 'china minmetals salt lake co., ltd.',
    'china minmetals salt lake', 'minmetals salt lake', 'china minmetals corporation', 'china minmetals co., ltd.', 'china minmetals');
ALTER TABLE "Project" ALTER COLUMN "orgUnitId" SET NOT NULL;

-- Today's roles hold group-wide: each becomes an assignment at the root (a
-- group-level executive is today's executive). Unknown role strings get none.
INSERT INTO "RoleAssignment" ("id", "userId", "unitId", "role")
  SELECT gen_random_uuid(), u."id", '00000000-0000-4000-8000-000000000001'::uuid, u."role"::"AppRole"
  FROM "user" u WHERE u."role" IN ('admin', 'pmo', 'manager', 'executive', 'staff');
