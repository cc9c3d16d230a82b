-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MedicalEntity" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "hypothetical" BOOLEAN NOT NULL DEFAULT false,
    "code" TEXT,
    "codeSystem" TEXT,
    "confidence" REAL NOT NULL DEFAULT 1,
    "section" TEXT,
    "sourceRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_MedicalEntity" ("category", "code", "cohortId", "createdAt", "endOffset", "family", "historical", "id", "negated", "ownerId", "sourceRef", "startOffset", "text", "uncertain", "updatedAt") SELECT "category", "code", "cohortId", "createdAt", "endOffset", "family", "historical", "id", "negated", "ownerId", "sourceRef", "startOffset", "text", "uncertain", "updatedAt" FROM "MedicalEntity";
DROP TABLE "MedicalEntity";
ALTER TABLE "new_MedicalEntity" RENAME TO "MedicalEntity";
CREATE INDEX "MedicalEntity_ownerId_createdAt_idx" ON "MedicalEntity"("ownerId", "createdAt");
CREATE INDEX "MedicalEntity_cohortId_createdAt_idx" ON "MedicalEntity"("cohortId", "createdAt");
CREATE INDEX "MedicalEntity_createdAt_id_idx" ON "MedicalEntity"("createdAt", "id");
CREATE INDEX "MedicalEntity_sourceRef_idx" ON "MedicalEntity"("sourceRef");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
