-- CreateEnum
CREATE TYPE "ReportState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'SENT', 'DEAD');

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" CHAR(7) NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingRule" (
    "id" UUID NOT NULL,
    "unitId" VARCHAR(120),
    "dueDay" SMALLINT NOT NULL DEFAULT 5,
    "remindDaysBefore" SMALLINT NOT NULL DEFAULT 3,
    "pmoGraceDays" SMALLINT NOT NULL DEFAULT 3,
    "groupGraceDays" SMALLINT NOT NULL DEFAULT 10,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusReport" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "periodId" CHAR(7) NOT NULL,
    "reportVersion" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" UUID,
    "supersedeReason" VARCHAR(2000),
    "state" "ReportState" NOT NULL DEFAULT 'DRAFT',
    "narrative" JSONB NOT NULL DEFAULT '{}',
    "snapshot" JSONB,
    "changes" JSONB,
    "contentHash" CHAR(64),
    "returnComment" VARCHAR(2000),
    "createdById" TEXT,
    "createdByName" VARCHAR(200) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedByName" VARCHAR(200),
    "returnedAt" TIMESTAMPTZ(3),
    "returnedByName" VARCHAR(200),
    "publishedAt" TIMESTAMPTZ(3),
    "publishedByName" VARCHAR(200),
    "businessLine" "BusinessLine",
    "health" "Health",
    "stage" "Stage",
    "progressPercent" SMALLINT,
    "forecastFinish" DATE,
    "changeCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StatusReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportFigure" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "key" VARCHAR(80) NOT NULL,
    "value" DECIMAL(20,4) NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT '',

    CONSTRAINT "ReportFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectFollower" (
    "projectId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectFollower_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" VARCHAR(500),
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "channel" VARCHAR(30) NOT NULL,
    "topic" VARCHAR(80) NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupeKey" VARCHAR(300),
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedBy" VARCHAR(120),
    "leasedUntil" TIMESTAMPTZ(3),
    "lastError" VARCHAR(2000),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxAttempt" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "worker" VARCHAR(120) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status" INTEGER,
    "detail" VARCHAR(2000) NOT NULL DEFAULT '',
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "OutboxAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "url" VARCHAR(1000) NOT NULL,
    "secret" VARCHAR(200) NOT NULL,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingRule_unitId_key" ON "ReportingRule"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "StatusReport_supersedesId_key" ON "StatusReport"("supersedesId");

-- CreateIndex
CREATE INDEX "StatusReport_periodId_state_idx" ON "StatusReport"("periodId", "state");

-- CreateIndex
CREATE INDEX "StatusReport_projectId_periodId_idx" ON "StatusReport"("projectId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "StatusReport_projectId_periodId_reportVersion_key" ON "StatusReport"("projectId", "periodId", "reportVersion");

-- CreateIndex
CREATE INDEX "ReportFigure_key_idx" ON "ReportFigure"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ReportFigure_reportId_key_currency_key" ON "ReportFigure"("reportId", "key", "currency");

-- CreateIndex
CREATE INDEX "ProjectFollower_userId_idx" ON "ProjectFollower"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_availableAt_idx" ON "OutboxMessage"("state", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxAttempt_messageId_at_idx" ON "OutboxAttempt"("messageId", "at");

-- CreateIndex
CREATE INDEX "OutboxAttempt_at_idx" ON "OutboxAttempt"("at" DESC);

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusReport" ADD CONSTRAINT "StatusReport_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "StatusReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFigure" ADD CONSTRAINT "ReportFigure_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "StatusReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectFollower" ADD CONSTRAINT "ProjectFollower_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectFollower" ADD CONSTRAINT "ProjectFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxAttempt" ADD CONSTRAINT "OutboxAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published report is final: no UPDATE or DELETE, through any client. A
-- correction is a new row that supersedes it (docs/decisions/0055).
CREATE FUNCTION status_report_published_is_final() RETURNS trigger AS $$
BEGIN
  IF OLD."state" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'StatusReport % is published and cannot change (% refused)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER status_report_published_is_final
  BEFORE UPDATE OR DELETE ON "StatusReport"
  FOR EACH ROW EXECUTE FUNCTION status_report_published_is_final();

-- The figures of a published report are as final as the report.
CREATE FUNCTION report_figure_published_is_final() RETURNS trigger AS $$
DECLARE
  report_id UUID;
BEGIN
  IF TG_OP = 'INSERT' THEN
    report_id := NEW."reportId";
  ELSE
    report_id := OLD."reportId";
  END IF;
  IF EXISTS (SELECT 1 FROM "StatusReport" WHERE "id" = report_id AND "state" = 'PUBLISHED') THEN
    RAISE EXCEPTION 'ReportFigure of published report % cannot change (% refused)', report_id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_figure_published_is_final
  BEFORE INSERT OR UPDATE OR DELETE ON "ReportFigure"
  FOR EACH ROW EXECUTE FUNCTION report_figure_published_is_final();

-- The group's default reporting rule: due on the 5th of the next month.
INSERT INTO "ReportingRule" ("id", "unitId", "dueDay", "remindDaysBefore", "pmoGraceDays", "groupGraceDays", "version", "updatedAt")
VALUES ('00000000-0000-4000-8000-000000000015', NULL, 5, 3, 3, 10, 1, CURRENT_TIMESTAMP);
