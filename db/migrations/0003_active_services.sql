CREATE INDEX "services_active_name_idx" ON "services" USING btree ("name") WHERE "services"."archived_at" is null;--> statement-breakpoint
-- Hand-written: the cached dependency graph also shows owning teams' names, so a team
-- change must move the version too (0002 only watched services and dependencies).
CREATE TRIGGER teams_graph_version AFTER INSERT OR UPDATE OR DELETE ON "teams" FOR EACH STATEMENT EXECUTE FUNCTION pharos_bump_graph_version();
