CREATE TABLE "catalog_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"graph_version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written: the single state row, and triggers that bump the version on any change to
-- services or their dependencies, so no code path can forget to invalidate the graph cache.
INSERT INTO "catalog_state" ("id", "graph_version") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pharos_bump_graph_version() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN UPDATE catalog_state SET graph_version = graph_version + 1 WHERE id = 1; RETURN NULL; END $$;--> statement-breakpoint
CREATE TRIGGER services_graph_version AFTER INSERT OR UPDATE OR DELETE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION pharos_bump_graph_version();--> statement-breakpoint
CREATE TRIGGER service_dependencies_graph_version AFTER INSERT OR UPDATE OR DELETE ON "service_dependencies" FOR EACH STATEMENT EXECUTE FUNCTION pharos_bump_graph_version();
