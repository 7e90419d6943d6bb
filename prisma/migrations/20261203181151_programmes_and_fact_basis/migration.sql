-- CreateEnum
CREATE TYPE "FactBasisKind" AS ENUM ('SOURCE', 'PUBLIC_FACT', 'INFERENCE');

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "programmeId" UUID;

-- CreateTable
CREATE TABLE "FactBasis" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "fact" VARCHAR(60) NOT NULL,
    "milestoneId" UUID,
    "kind" "FactBasisKind" NOT NULL,
    "note" VARCHAR(2000) NOT NULL DEFAULT '',

    CONSTRAINT "FactBasis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FactBasis_projectId_idx" ON "FactBasis"("projectId");

-- CreateIndex
CREATE INDEX "Project_programmeId_idx" ON "Project"("programmeId");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactBasis" ADD CONSTRAINT "FactBasis_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactBasis" ADD CONSTRAINT "FactBasis_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A project is not its own programme; one level deep is checked by the seed test and the loader.
ALTER TABLE "Project" ADD CONSTRAINT "Project_programme_not_self" CHECK ("programmeId" IS NULL OR "programmeId" <> "id");

-- Only a quote-based fact is backed by quotes, and it carries no note; a public
-- fact or an inference always states the fact or its reasoning. A milestone's
-- basis names the milestone, and only it does.
ALTER TABLE "FactBasis" ADD CONSTRAINT "FactBasis_note_by_kind" CHECK (("kind" = 'SOURCE') = ("note" = ''));
ALTER TABLE "FactBasis" ADD CONSTRAINT "FactBasis_milestone_fact" CHECK (("fact" = 'milestone') = ("milestoneId" IS NOT NULL));
