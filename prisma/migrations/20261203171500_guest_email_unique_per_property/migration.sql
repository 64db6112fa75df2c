-- A guest's email is unique in its property, without regard to case; erased guests (email NULL) hold none.
-- Prisma's schema cannot express an index on an expression with a predicate, so this one lives here only.
--
-- Existing duplicates would stop the index from being built. They could exist: walk-in check-ins never
-- checked the address, and concurrent creates raced. Nothing is merged: the oldest guest of each address
-- keeps it, the later ones lose it, each with an audit event naming the guest it duplicated (the address
-- itself stays on that guest, so the audit trail holds no personal data).
WITH ranked AS (
  SELECT id, first_value(id) OVER w AS kept, row_number() OVER w AS n
  FROM "Guest"
  WHERE email IS NOT NULL
  WINDOW w AS (PARTITION BY "propertyId", lower(email) ORDER BY "createdAt", id)
), detached AS (
  UPDATE "Guest" g SET email = NULL, "updatedAt" = now()
  FROM ranked r
  WHERE g.id = r.id AND r.n > 1
  RETURNING g.id, g."propertyId", r.kept
)
INSERT INTO "AuditEvent" (id, "propertyId", "actorType", "actorId", "actorLabel", action, "targetType", "targetId", metadata)
SELECT gen_random_uuid()::text, "propertyId", 'SYSTEM', NULL, 'system', 'guest.email_detached', 'guest', id, jsonb_build_object('duplicateOf', kept)
FROM detached;

-- Every writer stores addresses in lower case and every reader compares them so; older rows follow.
UPDATE "Guest" SET email = lower(email), "updatedAt" = now() WHERE email <> lower(email);

-- CreateIndex
CREATE UNIQUE INDEX "Guest_propertyId_lower_email_key" ON "Guest" ("propertyId", lower(email)) WHERE email IS NOT NULL;
