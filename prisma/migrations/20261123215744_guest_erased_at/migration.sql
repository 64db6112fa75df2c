-- AlterTable
ALTER TABLE "Guest" ADD COLUMN     "erasedAt" TIMESTAMP(3);

