-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "nameSortKeyZh" VARCHAR(400),
ADD COLUMN     "summaryZh" VARCHAR(4000);

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "locale" VARCHAR(10);

-- CreateIndex
CREATE INDEX "Project_nameSortKeyZh_idx" ON "Project"("nameSortKeyZh");
