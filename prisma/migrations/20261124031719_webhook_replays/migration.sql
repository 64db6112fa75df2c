-- CreateTable
CREATE TABLE "WebhookReplay" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "only" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReplay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookReplayDelivery" (
    "replayId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,

    CONSTRAINT "WebhookReplayDelivery_pkey" PRIMARY KEY ("replayId","deliveryId")
);

-- CreateIndex
CREATE INDEX "WebhookReplay_endpointId_createdAt_idx" ON "WebhookReplay"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookReplayDelivery_deliveryId_idx" ON "WebhookReplayDelivery"("deliveryId");

-- AddForeignKey
ALTER TABLE "WebhookReplay" ADD CONSTRAINT "WebhookReplay_propertyId_fkey" FOREIGN KEY ("propertyId") REFERENCES "Property"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookReplay" ADD CONSTRAINT "WebhookReplay_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookReplayDelivery" ADD CONSTRAINT "WebhookReplayDelivery_replayId_fkey" FOREIGN KEY ("replayId") REFERENCES "WebhookReplay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookReplayDelivery" ADD CONSTRAINT "WebhookReplayDelivery_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

