-- AlterTable
ALTER TABLE "Guest" ADD COLUMN     "externalRef" TEXT;

-- CreateIndex
CREATE INDEX "Guest_propertyId_createdAt_idx" ON "Guest"("propertyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Guest_propertyId_externalRef_key" ON "Guest"("propertyId", "externalRef");

-- CreateIndex
CREATE INDEX "Conversation_propertyId_createdAt_idx" ON "Conversation"("propertyId", "createdAt");

