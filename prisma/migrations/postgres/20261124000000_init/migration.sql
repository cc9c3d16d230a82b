-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "cohortId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "taskRef" TEXT,
    "submission" TEXT NOT NULL,
    "overallScore" INTEGER,
    "grade" TEXT,
    "modelId" TEXT,
    "variant" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MedicalEntity" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "cohortId" TEXT,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "negated" BOOLEAN NOT NULL DEFAULT false,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "family" BOOLEAN NOT NULL DEFAULT false,
    "historical" BOOLEAN NOT NULL DEFAULT false,
    "code" TEXT,
    "sourceRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MedicalEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrugInteraction" (
    "id" TEXT NOT NULL,
    "drugA" TEXT NOT NULL,
    "drugB" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DrugInteraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyReport" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "cohortId" TEXT,
    "kind" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "modelId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SafetyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GenerationRecord" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "alias" TEXT,
    "variant" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL,
    "completionTokens" INTEGER NOT NULL,
    "finishReason" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GenerationRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRoles" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "modelId" TEXT,
    "variant" TEXT,
    "durationMs" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evaluation_ownerId_createdAt_idx" ON "Evaluation"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Evaluation_cohortId_createdAt_idx" ON "Evaluation"("cohortId", "createdAt");

-- CreateIndex
CREATE INDEX "Evaluation_createdAt_id_idx" ON "Evaluation"("createdAt", "id");

-- CreateIndex
CREATE INDEX "MedicalEntity_ownerId_createdAt_idx" ON "MedicalEntity"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "MedicalEntity_cohortId_createdAt_idx" ON "MedicalEntity"("cohortId", "createdAt");

-- CreateIndex
CREATE INDEX "MedicalEntity_createdAt_id_idx" ON "MedicalEntity"("createdAt", "id");

-- CreateIndex
CREATE INDEX "MedicalEntity_sourceRef_idx" ON "MedicalEntity"("sourceRef");

-- CreateIndex
CREATE INDEX "DrugInteraction_drugB_idx" ON "DrugInteraction"("drugB");

-- CreateIndex
CREATE UNIQUE INDEX "DrugInteraction_drugA_drugB_key" ON "DrugInteraction"("drugA", "drugB");

-- CreateIndex
CREATE INDEX "SafetyReport_ownerId_createdAt_idx" ON "SafetyReport"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyReport_cohortId_createdAt_idx" ON "SafetyReport"("cohortId", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyReport_createdAt_id_idx" ON "SafetyReport"("createdAt", "id");

-- CreateIndex
CREATE INDEX "GenerationRecord_ownerId_createdAt_idx" ON "GenerationRecord"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "GenerationRecord_modelId_createdAt_idx" ON "GenerationRecord"("modelId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_operation_createdAt_idx" ON "AuditLog"("operation", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");
