-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "externalKey" VARCHAR(120);

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_projectId_externalKey_key" ON "Milestone"("projectId", "externalKey");
