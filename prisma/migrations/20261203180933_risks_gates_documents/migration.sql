-- CreateEnum
CREATE TYPE "RiskKind" AS ENUM ('THREAT', 'OPPORTUNITY');

-- CreateEnum
CREATE TYPE "RiskCategory" AS ENUM ('STRATEGIC', 'FINANCIAL', 'MARKET', 'TECHNICAL', 'SCHEDULE', 'SAFETY', 'ENVIRONMENTAL', 'REGULATORY', 'POLITICAL', 'COMMUNITY', 'CONTRACTUAL', 'OPERATIONAL');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('PROPOSED', 'OPEN', 'MANAGED', 'OCCURRED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RiskResponse" AS ENUM ('AVOID', 'REDUCE', 'TRANSFER', 'ACCEPT', 'EXPLOIT', 'ENHANCE', 'SHARE');

-- CreateEnum
CREATE TYPE "RiskAssessmentKind" AS ENUM ('INHERENT', 'RESIDUAL', 'TARGET');

-- CreateEnum
CREATE TYPE "RiskActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "GateDecision" AS ENUM ('GO', 'GO_WITH_CONDITIONS', 'HOLD', 'RECYCLE', 'STOP');

-- CreateEnum
CREATE TYPE "ApprovalRule" AS ENUM ('ANY', 'ALL');

-- CreateEnum
CREATE TYPE "ApproverResponse" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "GateConditionStatus" AS ENUM ('OPEN', 'MET', 'WAIVED');

-- CreateTable
CREATE TABLE "RiskMatrix" (
    "id" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "version" INTEGER NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "probabilityLevels" JSONB NOT NULL,
    "impactLevels" JSONB NOT NULL,
    "dimensions" JSONB NOT NULL,
    "bands" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskMatrix_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "titleEn" VARCHAR(300) NOT NULL,
    "titleZh" VARCHAR(300),
    "causeEn" VARCHAR(2000) NOT NULL DEFAULT '',
    "causeZh" VARCHAR(2000),
    "eventEn" VARCHAR(2000) NOT NULL DEFAULT '',
    "eventZh" VARCHAR(2000),
    "effectEn" VARCHAR(2000) NOT NULL DEFAULT '',
    "effectZh" VARCHAR(2000),
    "kind" "RiskKind" NOT NULL DEFAULT 'THREAT',
    "category" "RiskCategory" NOT NULL,
    "ownerId" TEXT,
    "status" "RiskStatus" NOT NULL DEFAULT 'PROPOSED',
    "response" "RiskResponse",
    "nextReviewOn" DATE,
    "matrixId" UUID NOT NULL,
    "occurredNote" VARCHAR(2000),
    "occurredLink" VARCHAR(1000),
    "occurredMilestoneId" UUID,
    "currentProbability" SMALLINT,
    "currentImpact" SMALLINT,
    "currentScore" SMALLINT,
    "currentBand" VARCHAR(20),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" UUID NOT NULL,
    "riskId" UUID NOT NULL,
    "kind" "RiskAssessmentKind" NOT NULL,
    "matrixId" UUID NOT NULL,
    "probability" SMALLINT NOT NULL,
    "impacts" JSONB NOT NULL,
    "impact" SMALLINT NOT NULL,
    "score" SMALLINT NOT NULL,
    "band" VARCHAR(20) NOT NULL,
    "note" VARCHAR(2000) NOT NULL DEFAULT '',
    "assessedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assessedById" TEXT,
    "assessedByName" VARCHAR(200) NOT NULL,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAction" (
    "id" UUID NOT NULL,
    "riskId" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "titleZh" VARCHAR(300),
    "ownerId" TEXT,
    "dueOn" DATE,
    "status" "RiskActionStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RiskAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateProcess" (
    "id" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,

    CONSTRAINT "GateProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateDefinition" (
    "id" UUID NOT NULL,
    "processId" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "sequence" SMALLINT NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "stageOnGo" "Stage" NOT NULL,

    CONSTRAINT "GateDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateDeliverableDefinition" (
    "id" UUID NOT NULL,
    "gateId" UUID NOT NULL,
    "key" VARCHAR(60) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200) NOT NULL,
    "mandatory" BOOLEAN NOT NULL DEFAULT true,
    "sequence" SMALLINT NOT NULL,

    CONSTRAINT "GateDeliverableDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectGateProcess" (
    "projectId" UUID NOT NULL,
    "processId" UUID NOT NULL,
    "setAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectGateProcess_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "GateReview" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "gateId" UUID NOT NULL,
    "plannedOn" DATE,
    "heldOn" DATE,
    "approvalRule" "ApprovalRule" NOT NULL DEFAULT 'ALL',
    "decision" "GateDecision",
    "rationaleEn" VARCHAR(4000) NOT NULL DEFAULT '',
    "rationaleZh" VARCHAR(4000),
    "approvedCapexAmount" DECIMAL(20,2),
    "approvedCapexCurrency" CHAR(3),
    "boardResolutionRef" VARCHAR(200),
    "filingRef" VARCHAR(200),
    "supersedesId" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "decidedByName" VARCHAR(200),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GateReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateApprover" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "response" "ApproverResponse" NOT NULL DEFAULT 'PENDING',
    "reason" VARCHAR(2000),
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "GateApprover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateCondition" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "textEn" VARCHAR(2000) NOT NULL,
    "textZh" VARCHAR(2000),
    "ownerId" TEXT,
    "dueOn" DATE NOT NULL,
    "status" "GateConditionStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "GateCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateDeliverable" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "definitionId" UUID,
    "nameEn" VARCHAR(200) NOT NULL,
    "nameZh" VARCHAR(200),
    "mandatory" BOOLEAN NOT NULL,

    CONSTRAINT "GateDeliverable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "riskId" UUID,
    "milestoneId" UUID,
    "deliverableId" UUID,
    "title" VARCHAR(300) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "fileName" VARCHAR(255) NOT NULL,
    "contentType" VARCHAR(120) NOT NULL,
    "size" BIGINT NOT NULL DEFAULT 0,
    "sha256" CHAR(64),
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "uploadedById" TEXT,
    "uploadedByName" VARCHAR(200) NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentChunk" (
    "versionId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DocumentChunk_pkey" PRIMARY KEY ("versionId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskMatrix_key_version_key" ON "RiskMatrix"("key", "version");

-- CreateIndex
CREATE INDEX "Risk_currentScore_idx" ON "Risk"("currentScore" DESC);

-- CreateIndex
CREATE INDEX "Risk_currentProbability_currentImpact_idx" ON "Risk"("currentProbability", "currentImpact");

-- CreateIndex
CREATE INDEX "Risk_status_nextReviewOn_idx" ON "Risk"("status", "nextReviewOn");

-- CreateIndex
CREATE INDEX "Risk_ownerId_idx" ON "Risk"("ownerId");

-- CreateIndex
CREATE INDEX "Risk_category_idx" ON "Risk"("category");

-- CreateIndex
CREATE UNIQUE INDEX "Risk_projectId_code_key" ON "Risk"("projectId", "code");

-- CreateIndex
CREATE INDEX "RiskAssessment_riskId_kind_assessedAt_idx" ON "RiskAssessment"("riskId", "kind", "assessedAt" DESC);

-- CreateIndex
CREATE INDEX "RiskAssessment_assessedAt_idx" ON "RiskAssessment"("assessedAt");

-- CreateIndex
CREATE INDEX "RiskAction_riskId_idx" ON "RiskAction"("riskId");

-- CreateIndex
CREATE UNIQUE INDEX "GateProcess_key_key" ON "GateProcess"("key");

-- CreateIndex
CREATE UNIQUE INDEX "GateDefinition_processId_key_key" ON "GateDefinition"("processId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "GateDefinition_processId_sequence_key" ON "GateDefinition"("processId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "GateDeliverableDefinition_gateId_key_key" ON "GateDeliverableDefinition"("gateId", "key");

-- CreateIndex
CREATE INDEX "GateReview_projectId_decidedAt_idx" ON "GateReview"("projectId", "decidedAt");

-- CreateIndex
CREATE INDEX "GateApprover_userId_response_idx" ON "GateApprover"("userId", "response");

-- CreateIndex
CREATE UNIQUE INDEX "GateApprover_reviewId_userId_key" ON "GateApprover"("reviewId", "userId");

-- CreateIndex
CREATE INDEX "GateCondition_status_dueOn_idx" ON "GateCondition"("status", "dueOn");

-- CreateIndex
CREATE INDEX "GateCondition_reviewId_idx" ON "GateCondition"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "GateDeliverable_reviewId_definitionId_key" ON "GateDeliverable"("reviewId", "definitionId");

-- CreateIndex
CREATE INDEX "Document_projectId_idx" ON "Document"("projectId");

-- CreateIndex
CREATE INDEX "Document_riskId_idx" ON "Document"("riskId");

-- CreateIndex
CREATE INDEX "Document_deliverableId_idx" ON "Document"("deliverableId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_matrixId_fkey" FOREIGN KEY ("matrixId") REFERENCES "RiskMatrix"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_matrixId_fkey" FOREIGN KEY ("matrixId") REFERENCES "RiskMatrix"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAction" ADD CONSTRAINT "RiskAction_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAction" ADD CONSTRAINT "RiskAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDefinition" ADD CONSTRAINT "GateDefinition_processId_fkey" FOREIGN KEY ("processId") REFERENCES "GateProcess"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDeliverableDefinition" ADD CONSTRAINT "GateDeliverableDefinition_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "GateDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectGateProcess" ADD CONSTRAINT "ProjectGateProcess_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectGateProcess" ADD CONSTRAINT "ProjectGateProcess_processId_fkey" FOREIGN KEY ("processId") REFERENCES "GateProcess"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReview" ADD CONSTRAINT "GateReview_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReview" ADD CONSTRAINT "GateReview_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "GateDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReview" ADD CONSTRAINT "GateReview_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "GateReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateApprover" ADD CONSTRAINT "GateApprover_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "GateReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateApprover" ADD CONSTRAINT "GateApprover_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "GateReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDeliverable" ADD CONSTRAINT "GateDeliverable_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "GateReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDeliverable" ADD CONSTRAINT "GateDeliverable_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "GateDeliverableDefinition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_deliverableId_fkey" FOREIGN KEY ("deliverableId") REFERENCES "GateDeliverable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentChunk" ADD CONSTRAINT "DocumentChunk_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A matrix version is reference data that scores were computed against: never changed or removed.
CREATE FUNCTION risk_matrix_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'RiskMatrix versions are immutable (% refused): add a new version', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER risk_matrix_immutable
  BEFORE UPDATE OR DELETE ON "RiskMatrix"
  FOR EACH ROW EXECUTE FUNCTION risk_matrix_immutable();

-- Assessments are the risk's history: append-only.
CREATE FUNCTION risk_assessment_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'RiskAssessment is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER risk_assessment_append_only
  BEFORE UPDATE OR DELETE ON "RiskAssessment"
  FOR EACH ROW EXECUTE FUNCTION risk_assessment_append_only();

-- A decided gate review is final: the review itself, its approvers and its deliverables.
CREATE FUNCTION gate_review_final() RETURNS trigger AS $$
BEGIN
  IF OLD."decidedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'GateReview % is decided and final (% refused): record a new review', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gate_review_final
  BEFORE UPDATE OR DELETE ON "GateReview"
  FOR EACH ROW EXECUTE FUNCTION gate_review_final();

CREATE FUNCTION gate_review_is_decided(review UUID) RETURNS boolean AS $$
  SELECT EXISTS (SELECT 1 FROM "GateReview" WHERE "id" = review AND "decidedAt" IS NOT NULL);
$$ LANGUAGE sql STABLE;

CREATE FUNCTION gate_review_child_final() RETURNS trigger AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND gate_review_is_decided(OLD."reviewId")) OR (TG_OP <> 'DELETE' AND gate_review_is_decided(NEW."reviewId")) THEN
    RAISE EXCEPTION '% of a decided gate review is final (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gate_approver_final
  BEFORE INSERT OR UPDATE OR DELETE ON "GateApprover"
  FOR EACH ROW EXECUTE FUNCTION gate_review_child_final();

CREATE TRIGGER gate_deliverable_final
  BEFORE INSERT OR UPDATE OR DELETE ON "GateDeliverable"
  FOR EACH ROW EXECUTE FUNCTION gate_review_child_final();

-- A condition's wording, owner and due date are fixed with the decision; its status may still move (met, waived).
CREATE FUNCTION gate_condition_final() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND gate_review_is_decided(OLD."reviewId") THEN
    IF NEW."reviewId" IS DISTINCT FROM OLD."reviewId" OR NEW."textEn" IS DISTINCT FROM OLD."textEn" OR NEW."textZh" IS DISTINCT FROM OLD."textZh"
       OR NEW."ownerId" IS DISTINCT FROM OLD."ownerId" OR NEW."dueOn" IS DISTINCT FROM OLD."dueOn" THEN
      RAISE EXCEPTION 'GateCondition % of a decided review: only its status may change', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF (TG_OP <> 'INSERT' AND gate_review_is_decided(OLD."reviewId")) OR (TG_OP <> 'DELETE' AND gate_review_is_decided(NEW."reviewId")) THEN
    RAISE EXCEPTION 'GateCondition of a decided gate review is final (% refused)', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER gate_condition_final
  BEFORE INSERT OR UPDATE OR DELETE ON "GateCondition"
  FOR EACH ROW EXECUTE FUNCTION gate_condition_final();

-- Evidence of a decided review is part of it: no new documents or versions under its deliverables.
CREATE FUNCTION document_evidence_final() RETURNS trigger AS $$
DECLARE
  deliverable UUID;
BEGIN
  IF TG_TABLE_NAME = 'Document' THEN
    deliverable := COALESCE(NEW."deliverableId", OLD."deliverableId");
  ELSE
    SELECT d."deliverableId" INTO deliverable FROM "Document" d WHERE d."id" = COALESCE(NEW."documentId", OLD."documentId");
  END IF;
  IF deliverable IS NOT NULL AND EXISTS (
    SELECT 1 FROM "GateDeliverable" gd JOIN "GateReview" r ON r."id" = gd."reviewId" WHERE gd."id" = deliverable AND r."decidedAt" IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'Evidence of a decided gate review is final (% on % refused)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER document_evidence_final
  BEFORE INSERT OR UPDATE OR DELETE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION document_evidence_final();

CREATE TRIGGER document_version_evidence_final
  BEFORE INSERT OR DELETE ON "DocumentVersion"
  FOR EACH ROW EXECUTE FUNCTION document_evidence_final();
