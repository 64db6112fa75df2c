-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "seq" BIGSERIAL NOT NULL,
ADD COLUMN     "txid" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateIndex
CREATE INDEX "OutboxEvent_propertyId_txid_seq_idx" ON "OutboxEvent"("propertyId", "txid", "seq");

