-- CreateTable
CREATE TABLE "EncryptionKeyCheck" (
    "keyId" TEXT NOT NULL PRIMARY KEY,
    "checkValue" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
