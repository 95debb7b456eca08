ALTER TABLE "services" ADD COLUMN "system" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "business_domain" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "annotations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "scorecard_level" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "scorecard_passed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "scorecard_applicable" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "scorecard_checked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "services_lifecycle_idx" ON "services" USING btree ("lifecycle");--> statement-breakpoint
CREATE INDEX "services_domain_idx" ON "services" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "services_level_idx" ON "services" USING btree ("scorecard_level");--> statement-breakpoint
CREATE INDEX "services_tags_idx" ON "services" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "services_name_idx" ON "services" USING btree ("name");--> statement-breakpoint
-- Hand-written: an IMMUTABLE wrapper so the full-text expression can be indexed
-- (array_to_string is only STABLE). Kept above the index that uses it.
CREATE OR REPLACE FUNCTION pharos_search_text(name text, slug text, description text, tags text[])
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(name, '') || ' ' || replace(coalesce(slug, ''), '-', ' ') || ' ' || coalesce(description, '') || ' ' || coalesce(array_to_string(tags, ' '), '') $$;--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin (to_tsvector('simple', pharos_search_text("name", "slug", "description", "tags")));