-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "readScopes" TEXT[] DEFAULT ARRAY['full_access:read']::TEXT[];


-- Endpoints an API key subscribed receive only what that key may read.
UPDATE "WebhookEndpoint" e SET "readScopes" = k.scopes FROM "ApiKey" k WHERE k.id = e."ownerKeyId";
