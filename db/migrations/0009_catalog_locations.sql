-- Catalog locations: catalog-info.yaml URLs Pharos refreshes on a schedule and on demand, each
-- with its last result and, when a refresh is held for review, the file and plan to review.
CREATE TABLE "catalog_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"header_name" text,
	"header_value" text,
	"created_by_id" uuid,
	"last_result" text,
	"last_result_at" timestamp with time zone,
	"last_error" text,
	"last_counts" jsonb,
	"last_plan" jsonb,
	"held_yaml" text,
	"held_hash" text,
	"checked_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_locations_url_unique" UNIQUE("url")
);
--> statement-breakpoint
ALTER TABLE "catalog_locations" ADD CONSTRAINT "catalog_locations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_locations_checked_idx" ON "catalog_locations" USING btree ("checked_at");