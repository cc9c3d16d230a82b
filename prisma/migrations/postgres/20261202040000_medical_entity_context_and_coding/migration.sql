-- AlterTable
ALTER TABLE "MedicalEntity" ADD COLUMN     "codeSystem" TEXT,
ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "hypothetical" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "section" TEXT;
