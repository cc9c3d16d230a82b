-- DropTable
DROP TABLE "DrugInteraction";
