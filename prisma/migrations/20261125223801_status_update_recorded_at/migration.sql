-- CreateIndex
CREATE INDEX "StatusUpdate_recordedAt_idx" ON "StatusUpdate"("recordedAt" DESC);
