CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"postmortem_id" uuid,
	"problem_id" uuid,
	"title" text NOT NULL,
	"owner_id" uuid,
	"service_id" uuid,
	"due_on" date,
	"type" text NOT NULL,
	"priority" text DEFAULT 'p2' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"wont_do_reason" text,
	"ticket_url" text,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_one_parent" CHECK (("action_items"."postmortem_id" is null) <> ("action_items"."problem_id" is null)),
	CONSTRAINT "action_items_type" CHECK ("action_items"."type" in ('mitigate', 'prevent', 'process')),
	CONSTRAINT "action_items_priority" CHECK ("action_items"."priority" in ('p1', 'p2', 'p3')),
	CONSTRAINT "action_items_status" CHECK ("action_items"."status" in ('open', 'in_progress', 'done', 'wont_do')),
	CONSTRAINT "action_items_wont_do_reason" CHECK ("action_items"."status" <> 'wont_do' or coalesce("action_items"."wont_do_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_events_kind" CHECK ("incident_events"."kind" in ('declared', 'status', 'severity', 'note', 'participant', 'link', 'timestamp', 'services', 'update'))
);
--> statement-breakpoint
CREATE TABLE "incident_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "incident_participants_role" CHECK ("incident_participants"."role" in ('commander', 'responder', 'shadow', 'communications')),
	CONSTRAINT "incident_participants_left_after_join" CHECK ("incident_participants"."left_at" is null or "incident_participants"."left_at" >= "incident_participants"."joined_at")
);
--> statement-breakpoint
CREATE TABLE "incident_services" (
	"incident_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "incident_services_incident_id_service_id_pk" PRIMARY KEY("incident_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "incidents_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"commander_id" uuid,
	"cause" text,
	"duplicate_of_id" uuid,
	"problem_id" uuid,
	"caused_by_change_id" uuid,
	"impact_started_at" timestamp with time zone,
	"detected_at" timestamp with time zone,
	"declared_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"mitigated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_severity" CHECK ("incidents"."severity" in ('sev1', 'sev2', 'sev3', 'sev4')),
	CONSTRAINT "incidents_status" CHECK ("incidents"."status" in ('open', 'mitigated', 'resolved', 'closed', 'cancelled', 'duplicate')),
	CONSTRAINT "incidents_times_in_order" CHECK ((impact_started_at is null or detected_at is null or impact_started_at <= detected_at) and (impact_started_at is null or declared_at is null or impact_started_at <= declared_at) and (impact_started_at is null or acknowledged_at is null or impact_started_at <= acknowledged_at) and (impact_started_at is null or mitigated_at is null or impact_started_at <= mitigated_at) and (impact_started_at is null or resolved_at is null or impact_started_at <= resolved_at) and (impact_started_at is null or closed_at is null or impact_started_at <= closed_at) and (detected_at is null or declared_at is null or detected_at <= declared_at) and (detected_at is null or acknowledged_at is null or detected_at <= acknowledged_at) and (detected_at is null or mitigated_at is null or detected_at <= mitigated_at) and (detected_at is null or resolved_at is null or detected_at <= resolved_at) and (detected_at is null or closed_at is null or detected_at <= closed_at) and (declared_at is null or acknowledged_at is null or declared_at <= acknowledged_at) and (declared_at is null or mitigated_at is null or declared_at <= mitigated_at) and (declared_at is null or resolved_at is null or declared_at <= resolved_at) and (declared_at is null or closed_at is null or declared_at <= closed_at) and (acknowledged_at is null or mitigated_at is null or acknowledged_at <= mitigated_at) and (acknowledged_at is null or resolved_at is null or acknowledged_at <= resolved_at) and (acknowledged_at is null or closed_at is null or acknowledged_at <= closed_at) and (mitigated_at is null or resolved_at is null or mitigated_at <= resolved_at) and (mitigated_at is null or closed_at is null or mitigated_at <= closed_at) and (resolved_at is null or closed_at is null or resolved_at <= closed_at)),
	CONSTRAINT "incidents_not_own_duplicate" CHECK ("incidents"."duplicate_of_id" is null or "incidents"."duplicate_of_id" <> "incidents"."id")
);
--> statement-breakpoint
CREATE TABLE "postmortem_reviewers" (
	"postmortem_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"approved_at" timestamp with time zone,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "postmortem_reviewers_postmortem_id_user_id_pk" PRIMARY KEY("postmortem_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"impact" text DEFAULT '' NOT NULL,
	"root_causes" text DEFAULT '' NOT NULL,
	"trigger" text DEFAULT '' NOT NULL,
	"resolution" text DEFAULT '' NOT NULL,
	"detection" text DEFAULT '' NOT NULL,
	"went_well" text DEFAULT '' NOT NULL,
	"went_wrong" text DEFAULT '' NOT NULL,
	"lucky" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_id" uuid,
	"due_on" date,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortems_status" CHECK ("postmortems"."status" in ('draft', 'in_review', 'published'))
);
--> statement-breakpoint
CREATE TABLE "problem_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"incident_ids" uuid[] NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"problem_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_suggestions_kind" CHECK ("problem_suggestions"."kind" in ('similar_titles', 'same_cause')),
	CONSTRAINT "problem_suggestions_state" CHECK ("problem_suggestions"."state" in ('open', 'accepted', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "problems_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"root_cause" text DEFAULT '' NOT NULL,
	"workaround" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"service_id" uuid,
	"known_error_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_state" CHECK ("problems"."state" in ('new', 'investigating', 'known_error', 'resolved', 'risk_accepted'))
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_services" ADD CONSTRAINT "incident_services_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_services" ADD CONSTRAINT "incident_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_commander_id_users_id_fk" FOREIGN KEY ("commander_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_duplicate_of_id_incidents_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviewers" ADD CONSTRAINT "postmortem_reviewers_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviewers" ADD CONSTRAINT "postmortem_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_suggestions" ADD CONSTRAINT "problem_suggestions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_suggestions" ADD CONSTRAINT "problem_suggestions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_suggestions" ADD CONSTRAINT "problem_suggestions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_owner_idx" ON "action_items" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "action_items_postmortem_idx" ON "action_items" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "action_items_problem_idx" ON "action_items" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "action_items_open_due_idx" ON "action_items" USING btree ("due_on") WHERE "action_items"."status" in ('open', 'in_progress');--> statement-breakpoint
CREATE INDEX "incident_events_timeline_idx" ON "incident_events" USING btree ("incident_id","occurred_at","created_at");--> statement-breakpoint
CREATE INDEX "incident_participants_incident_idx" ON "incident_participants" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_participants_user_idx" ON "incident_participants" USING btree ("user_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_participants_open_key" ON "incident_participants" USING btree ("incident_id","user_id","role") WHERE "incident_participants"."left_at" is null;--> statement-breakpoint
CREATE INDEX "incident_services_service_idx" ON "incident_services" USING btree ("service_id","incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "incidents_declared_idx" ON "incidents" USING btree ("declared_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("severity") WHERE "incidents"."status" in ('open', 'mitigated');--> statement-breakpoint
CREATE INDEX "incidents_title_trgm_idx" ON "incidents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "incidents_problem_idx" ON "incidents" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "incidents_commander_idx" ON "incidents" USING btree ("commander_id");--> statement-breakpoint
CREATE INDEX "postmortem_reviewers_user_idx" ON "postmortem_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortems_incident_key" ON "postmortems" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "postmortems_due_idx" ON "postmortems" USING btree ("due_on") WHERE "postmortems"."status" <> 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "problem_suggestions_group_key" ON "problem_suggestions" USING btree ("service_id","kind","key");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_number_key" ON "problems" USING btree ("number");--> statement-breakpoint
CREATE INDEX "problems_service_idx" ON "problems" USING btree ("service_id");