-- "Path contains" is LIKE '%…%': a trigram index finds a rare path without reading the whole history.
-- On a large table this build blocks log writes for a while (about 40 s per 10 million rows measured).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "RequestLog_path_idx" ON "RequestLog" USING GIN ("path" gin_trgm_ops);

