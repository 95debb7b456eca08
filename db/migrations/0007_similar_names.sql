-- When full-text search finds nothing, the catalog offers the services whose names are most
-- like what was typed, so "legder" finds "ledger": pg_trgm picks the candidates, fuzzystrmatch's
-- edit distance ranks them. Both are trusted extensions on PostgreSQL 13+ and bundled with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
