-- The catalog version moves at commit time, not at the writer's first statement: the
-- statement triggers of 0002/0003 updated the one catalog_state row inside every catalog
-- write, so its row lock was held for the whole transaction and a long import made every
-- other catalog write wait for it. Deferred constraint triggers fire at COMMIT, once per
-- transaction (a transaction-local flag skips the rest), so the lock lives for microseconds
-- and the new version still commits atomically with the rows it describes.
DROP TRIGGER IF EXISTS services_graph_version ON "services";--> statement-breakpoint
DROP TRIGGER IF EXISTS service_dependencies_graph_version ON "service_dependencies";--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_graph_version ON "teams";--> statement-breakpoint
CREATE OR REPLACE FUNCTION pharos_bump_graph_version() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
  IF coalesce(current_setting('pharos.graph_bumped', true), '') <> '1' THEN
    PERFORM set_config('pharos.graph_bumped', '1', true);
    UPDATE catalog_state SET graph_version = graph_version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER services_graph_version AFTER INSERT OR UPDATE OR DELETE ON "services" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pharos_bump_graph_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER service_dependencies_graph_version AFTER INSERT OR UPDATE OR DELETE ON "service_dependencies" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pharos_bump_graph_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER teams_graph_version AFTER INSERT OR UPDATE OR DELETE ON "teams" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pharos_bump_graph_version();
