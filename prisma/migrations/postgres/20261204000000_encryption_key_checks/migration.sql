-- CreateTable
CREATE TABLE "EncryptionKeyCheck" (
    "keyId" TEXT NOT NULL,
    "checkValue" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EncryptionKeyCheck_pkey" PRIMARY KEY ("keyId")
);
