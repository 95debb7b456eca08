-- SLOs: definitions (versioned), 5-minute measurement buckets with hourly and daily rollups,
-- budget adjustments and burn-rate alerts. The bucket table is partitioned by month; the
-- partitions are made ahead of the data and dropped past retention by lib/slo/partitions.ts.
CREATE TABLE "budget_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid,
	"service_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"rrule" text,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_adjustments_one_target" CHECK (("budget_adjustments"."slo_id" is null) <> ("budget_adjustments"."service_id" is null)),
	CONSTRAINT "budget_adjustments_duration" CHECK ("budget_adjustments"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "sli_buckets" (
	"slo_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"good" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "sli_buckets_slo_id_bucket_start_pk" PRIMARY KEY("slo_id","bucket_start")
) PARTITION BY RANGE ("bucket_start");
--> statement-breakpoint
CREATE TABLE "sli_daily" (
	"slo_id" uuid NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"good" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "sli_daily_slo_id_day_start_pk" PRIMARY KEY("slo_id","day_start")
);
--> statement-breakpoint
CREATE TABLE "sli_hourly" (
	"slo_id" uuid NOT NULL,
	"hour_start" timestamp with time zone NOT NULL,
	"good" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "sli_hourly_slo_id_hour_start_pk" PRIMARY KEY("slo_id","hour_start")
);
--> statement-breakpoint
CREATE TABLE "slo_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"numbers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slo_versions" (
	"slo_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"changed" text[] DEFAULT '{}'::text[] NOT NULL,
	"changed_by_id" uuid,
	"changed_by_label" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slo_versions_slo_id_version_pk" PRIMARY KEY("slo_id","version")
);
--> statement-breakpoint
CREATE TABLE "slos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sli_kind" text NOT NULL,
	"latency_threshold_ms" integer,
	"target" double precision NOT NULL,
	"window_kind" text NOT NULL,
	"window_days" integer,
	"calendar_unit" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"budgeting" text DEFAULT 'occurrences' NOT NULL,
	"slice_minutes" integer,
	"slice_target" double precision,
	"min_events" integer DEFAULT 50 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"budget_exhausted_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slos_target_range" CHECK ("slos"."target" > 0 and "slos"."target" < 1),
	CONSTRAINT "slos_sli_kind" CHECK ("slos"."sli_kind" in ('ratio', 'latency')),
	CONSTRAINT "slos_window_kind" CHECK ("slos"."window_kind" in ('rolling', 'calendar')),
	CONSTRAINT "slos_budgeting" CHECK ("slos"."budgeting" in ('occurrences', 'timeslices'))
);
--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_adjustments" ADD CONSTRAINT "budget_adjustments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sli_buckets" ADD CONSTRAINT "sli_buckets_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sli_daily" ADD CONSTRAINT "sli_daily_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sli_hourly" ADD CONSTRAINT "sli_hourly_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_alerts" ADD CONSTRAINT "slo_alerts_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_versions" ADD CONSTRAINT "slo_versions_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_versions" ADD CONSTRAINT "slo_versions_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slos" ADD CONSTRAINT "slos_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slos" ADD CONSTRAINT "slos_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_adjustments_slo_idx" ON "budget_adjustments" USING btree ("slo_id");--> statement-breakpoint
CREATE INDEX "budget_adjustments_service_idx" ON "budget_adjustments" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "slo_alerts_slo_idx" ON "slo_alerts" USING btree ("slo_id","fired_at");--> statement-breakpoint
CREATE UNIQUE INDEX "slo_alerts_open_key" ON "slo_alerts" USING btree ("slo_id","rule") WHERE "slo_alerts"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "slos_service_name_key" ON "slos" USING btree ("service_id",lower("name"));