-- CreateTable
CREATE TABLE "GuestFormerValue" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "guestId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuestFormerValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuestErasure" (
    "id" TEXT NOT NULL,
    "propertyId" TEXT NOT NULL,
    "guestId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "requestedBy" TEXT NOT NULL,
    "sealedTerms" TEXT,
    "phase" TEXT NOT NULL DEFAULT 'count',
    "cursorAt" TEXT,
    "cursorId" TEXT,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsScanned" INTEGER NOT NULL DEFAULT 0,
    "rowsScrubbed" INTEGER NOT NULL DEFAULT 0,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "GuestErasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GuestFormerValue_guestId_idx" ON "GuestFormerValue"("guestId");

-- CreateIndex
CREATE UNIQUE INDEX "GuestErasure_guestId_key" ON "GuestErasure"("guestId");

-- CreateIndex
CREATE INDEX "GuestErasure_status_createdAt_idx" ON "GuestErasure"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "GuestFormerValue" ADD CONSTRAINT "GuestFormerValue_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every personal value a guest had, kept when it changes by whatever path (API, dashboard, SQL), so an
-- erasure can scrub earlier values too. The erasure's own wipe (erasedAt set) is not history.
CREATE FUNCTION "guest_former_values"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."erasedAt" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  INSERT INTO "GuestFormerValue" (id, "propertyId", "guestId", field, value)
  SELECT 'gfv_' || replace(gen_random_uuid()::text, '-', ''), OLD."propertyId", OLD.id, c.field, c.old
  FROM (VALUES
    ('firstName', OLD."firstName", NEW."firstName"),
    ('lastName', OLD."lastName", NEW."lastName"),
    ('email', OLD.email, NEW.email),
    ('phone', OLD.phone, NEW.phone),
    ('country', OLD.country::text, NEW.country::text),
    ('externalRef', OLD."externalRef", NEW."externalRef")
  ) AS c(field, old, new)
  WHERE c.old IS NOT NULL AND c.old IS DISTINCT FROM c.new;
  RETURN NEW;
END
$$;

CREATE TRIGGER "guest_former_values" AFTER UPDATE ON "Guest" FOR EACH ROW EXECUTE FUNCTION "guest_former_values"();

-- The text as jsonb, or NULL when it is not valid JSON: an erasure that replaced a value inside JSON in a way
-- that broke it (a guest named "Null", a reference equal to a number) stores the text as a JSON string instead.
CREATE FUNCTION "pms_try_jsonb"(value text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN value::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
