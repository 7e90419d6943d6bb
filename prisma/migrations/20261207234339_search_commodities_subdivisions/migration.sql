-- The search also finds projects by their commodities and province in either
-- language (lib/projects/project-where.ts): the app turns the names into the
-- stored values, and these indexes keep those arms of the OR index scans.
-- CreateIndex
CREATE INDEX "Project_commodities_idx" ON "Project" USING GIN ("commodities");

-- CreateIndex
CREATE INDEX "Project_subdivision_idx" ON "Project"("subdivision");
