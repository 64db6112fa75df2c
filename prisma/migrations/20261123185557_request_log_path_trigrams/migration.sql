-- "Path contains" is LIKE '%…%': a trigram index finds a rare path without reading the whole history.
-- On a large table this build blocks log writes for a while (about 40 s per 10 million rows measured).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "RequestLog_path_idx" ON "RequestLog" USING GIN ("path" gin_trgm_ops);

-- A finer histogram of paths, so the planner tells a rare path (trigram index, then sort) from a middling
-- one (newest first, filtering): at 10 million rows "/r99" (1 in 600) took 129 ms by the index, 9 ms by date.
ALTER TABLE "RequestLog" ALTER COLUMN "path" SET STATISTICS 1000;
