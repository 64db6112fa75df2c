-- AlterTable
ALTER TABLE "Property" ADD COLUMN     "rateLimitBurst" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "rateLimitPerDay" INTEGER NOT NULL DEFAULT 10000,
ADD COLUMN     "rateLimitPerSecond" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "requirePartnerKey" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "rateLimitPerSecond" INTEGER NOT NULL DEFAULT 50,
    "rateLimitBurst" INTEGER NOT NULL DEFAULT 100,
    "rateLimitPerDay" INTEGER NOT NULL DEFAULT 1000000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "subject" TEXT NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "burst" DOUBLE PRECISION NOT NULL,
    "dailyLimit" INTEGER NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "day" DATE NOT NULL,
    "dayCount" INTEGER NOT NULL,
    "allowed" BOOLEAN NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("subject")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_hash_key" ON "Partner"("hash");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_apiKeyId_key_key" ON "IdempotencyRecord"("apiKeyId", "key");

