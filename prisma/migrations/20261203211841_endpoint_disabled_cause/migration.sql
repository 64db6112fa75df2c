-- An endpoint's disabled state was an English sentence ("disabledReason") that readers matched with LIKE.
-- It becomes a cause (and, for a person or key, who): lib/webhooks/disabled-reason.ts words the sentence,
-- the same words as before. The existing sentences are read back into causes before the column goes.

-- CreateEnum
CREATE TYPE "EndpointDisabledCause" AS ENUM ('CREATED_DISABLED', 'BY_USER', 'FAILING', 'GONE');

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "disabledBy" TEXT,
ADD COLUMN     "disabledCause" "EndpointDisabledCause";

-- Backfill. The sentences were written by lib/webhooks (unchanged since they were introduced):
--   'Disabled when created.'
--   'Disabled by <actor label>.'
--   'Disabled automatically: every delivery failed for 5 days (since YYYY-MM-DD HH24:MI UTC).'
--   'Disabled automatically: the endpoint answered 410 Gone on YYYY-MM-DD HH24:MI UTC.'
-- Anything else (none is known) counts as disabled by someone not named.
UPDATE "WebhookEndpoint" SET
  "disabledCause" = (CASE
    WHEN "disabledReason" LIKE 'Disabled automatically: every delivery failed%' THEN 'FAILING'
    WHEN "disabledReason" LIKE 'Disabled automatically:%410 Gone%' THEN 'GONE'
    WHEN "disabledReason" = 'Disabled when created.' THEN 'CREATED_DISABLED'
    ELSE 'BY_USER'
  END)::"EndpointDisabledCause",
  "disabledBy" = CASE
    WHEN "disabledReason" LIKE 'Disabled automatically:%' THEN NULL
    WHEN "disabledReason" LIKE 'Disabled by %.' AND length("disabledReason") > length('Disabled by .')
      THEN left(substr("disabledReason", length('Disabled by ') + 1), -1)
  END
WHERE "disabledReason" IS NOT NULL;

-- A FAILING sentence is worded from "failingSince" now: where that no longer gives the minute the sentence
-- named (a success recorded after the endpoint was disabled cleared it), the minute is taken from the sentence.
WITH named AS (
  SELECT id, (substring("disabledReason" FROM '\(since (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC\)')::timestamp AT TIME ZONE 'UTC') AS since
  FROM "WebhookEndpoint"
  WHERE "disabledCause" = 'FAILING'
)
UPDATE "WebhookEndpoint" e SET "failingSince" = named.since
FROM named
WHERE e.id = named.id AND named.since IS NOT NULL
  AND (e."failingSince" IS NULL OR date_trunc('minute', e."failingSince" AT TIME ZONE 'UTC') <> named.since AT TIME ZONE 'UTC');

ALTER TABLE "WebhookEndpoint" DROP COLUMN "disabledReason";
