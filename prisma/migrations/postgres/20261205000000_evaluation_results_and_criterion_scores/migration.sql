-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "criteria" TEXT,
ADD COLUMN     "details" TEXT,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "letterType" TEXT,
ADD COLUMN     "modelVersions" TEXT,
ADD COLUMN     "profession" TEXT,
ADD COLUMN     "reader" TEXT,
ADD COLUMN     "rescoredFromId" TEXT,
ADD COLUMN     "scorerVersion" TEXT;

-- CreateTable
CREATE TABLE "CriterionScore" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "cohortId" TEXT,
    "kind" TEXT NOT NULL,
    "profession" TEXT,
    "letterType" TEXT,
    "criterion" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "engineScore" INTEGER,
    "difference" INTEGER,
    "scorerVersion" TEXT,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "week" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriterionScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CriterionScore_kind_criterion_current_idx" ON "CriterionScore"("kind", "criterion", "current");

-- CreateIndex
CREATE INDEX "CriterionScore_ownerId_kind_week_idx" ON "CriterionScore"("ownerId", "kind", "week");

-- CreateIndex
CREATE INDEX "CriterionScore_cohortId_kind_idx" ON "CriterionScore"("cohortId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionScore_evaluationId_criterion_raterId_key" ON "CriterionScore"("evaluationId", "criterion", "raterId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_ownerId_idempotencyKey_key" ON "Evaluation"("ownerId", "idempotencyKey");
