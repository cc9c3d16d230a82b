-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "DrugInteraction";
PRAGMA foreign_keys=on;
