CREATE TABLE "inventory_generation" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"generation" bigint NOT NULL,
	CONSTRAINT "inventory_generation_one_row" CHECK ("inventory_generation"."singleton")
);
--> statement-breakpoint
CREATE SEQUENCE "inventory_generation_seq";--> statement-breakpoint
INSERT INTO "inventory_generation" ("singleton", "generation") VALUES (true, nextval('inventory_generation_seq'));--> statement-breakpoint
-- Any write to a table the data-centre graph is read from moves the generation on, inside the
-- writing transaction: readers see the new generation together with the new rows, never before.
CREATE OR REPLACE FUNCTION bump_inventory_generation() RETURNS trigger AS $$
BEGIN
  UPDATE inventory_generation SET generation = nextval('inventory_generation_seq');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER devices_bump_inventory_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_generation();--> statement-breakpoint
CREATE TRIGGER storage_pools_bump_inventory_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON storage_pools
  FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_generation();--> statement-breakpoint
CREATE TRIGGER vms_bump_inventory_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vms
  FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_generation();--> statement-breakpoint
CREATE TRIGGER services_bump_inventory_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
  FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_generation();--> statement-breakpoint
CREATE TRIGGER dependencies_bump_inventory_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dependencies
  FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_generation();--> statement-breakpoint
CREATE TRIGGER orgs_bump_inventory_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON orgs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_inventory_generation();
