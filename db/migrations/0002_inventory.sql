CREATE TYPE "public"."device_kind" AS ENUM('router', 'switch', 'storage', 'hypervisor', 'backup');--> statement-breakpoint
CREATE TYPE "public"."device_status" AS ENUM('active', 'maintenance', 'failed', 'retired');--> statement-breakpoint
CREATE TYPE "public"."environment" AS ENUM('production', 'staging', 'development');--> statement-breakpoint
CREATE TYPE "public"."node_kind" AS ENUM('device', 'storage_pool', 'vm', 'service');--> statement-breakpoint
CREATE TYPE "public"."platform_driver" AS ENUM('local', 'ssh');--> statement-breakpoint
CREATE TYPE "public"."vm_status" AS ENUM('provisioning', 'running', 'stopped', 'failed', 'retired');--> statement-breakpoint
CREATE TABLE "backups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vm_id" uuid NOT NULL,
	"backup_device_id" uuid NOT NULL,
	"schedule" text NOT NULL,
	"retention_days" integer DEFAULT 14 NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_size_gb" bigint
);
--> statement-breakpoint
CREATE TABLE "checklist_items" (
	"service_id" uuid NOT NULL,
	"item" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_kind" "node_kind" NOT NULL,
	"parent_id" uuid NOT NULL,
	"child_kind" "node_kind" NOT NULL,
	"child_id" uuid NOT NULL,
	"redundancy_group" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dependencies_no_self_loop" CHECK ("dependencies"."parent_id" <> "dependencies"."child_id")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "device_kind" NOT NULL,
	"status" "device_status" DEFAULT 'active' NOT NULL,
	"rack_id" uuid,
	"rack_unit" integer,
	"height_units" integer DEFAULT 1 NOT NULL,
	"cores" integer DEFAULT 0 NOT NULL,
	"memory_mb" integer DEFAULT 0 NOT NULL,
	"disk_gb" integer DEFAULT 0 NOT NULL,
	"management_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_resources_non_negative" CHECK ("devices"."cores" >= 0 and "devices"."memory_mb" >= 0 and "devices"."disk_gb" >= 0)
);
--> statement-breakpoint
CREATE TABLE "racks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"units" integer DEFAULT 42 NOT NULL,
	CONSTRAINT "racks_units_positive" CHECK ("racks"."units" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vm_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"ports" integer[] DEFAULT '{}' NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "storage_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity_gb" integer NOT NULL,
	"reserved_gb" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "storage_pools_capacity_positive" CHECK ("storage_pools"."capacity_gb" > 0)
);
--> statement-breakpoint
CREATE TABLE "vms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"environment" "environment" DEFAULT 'production' NOT NULL,
	"role" text DEFAULT 'app' NOT NULL,
	"hypervisor_id" uuid NOT NULL,
	"storage_pool_id" uuid NOT NULL,
	"vcpus" integer NOT NULL,
	"memory_mb" integer NOT NULL,
	"disk_gb" integer NOT NULL,
	"addresses" text[] DEFAULT '{}' NOT NULL,
	"status" "vm_status" DEFAULT 'running' NOT NULL,
	"redundancy_group" text,
	"driver" "platform_driver" DEFAULT 'local' NOT NULL,
	"ssh_host" text,
	"ssh_port" integer,
	"ssh_user" text,
	"ssh_host_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vms_resources_positive" CHECK ("vms"."vcpus" > 0 and "vms"."memory_mb" > 0 and "vms"."disk_gb" > 0),
	CONSTRAINT "vms_ssh_complete" CHECK ("vms"."driver" = 'local' or ("vms"."ssh_host" is not null and "vms"."ssh_user" is not null and "vms"."ssh_host_key" is not null))
);
--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_backup_device_id_devices_id_fk" FOREIGN KEY ("backup_device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_rack_id_racks_id_fk" FOREIGN KEY ("rack_id") REFERENCES "public"."racks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "racks" ADD CONSTRAINT "racks_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_pools" ADD CONSTRAINT "storage_pools_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vms" ADD CONSTRAINT "vms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vms" ADD CONSTRAINT "vms_hypervisor_id_devices_id_fk" FOREIGN KEY ("hypervisor_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vms" ADD CONSTRAINT "vms_storage_pool_id_storage_pools_id_fk" FOREIGN KEY ("storage_pool_id") REFERENCES "public"."storage_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "backups_vm_device_key" ON "backups" USING btree ("vm_id","backup_device_id");--> statement-breakpoint
CREATE INDEX "backups_device_idx" ON "backups" USING btree ("backup_device_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_items_key" ON "checklist_items" USING btree ("service_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "dependencies_edge_key" ON "dependencies" USING btree ("parent_id","child_id");--> statement-breakpoint
CREATE INDEX "dependencies_child_idx" ON "dependencies" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_name_key" ON "devices" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "devices_kind_idx" ON "devices" USING btree ("kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "racks_site_name_key" ON "racks" USING btree ("site_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "services_vm_name_key" ON "services" USING btree ("vm_id","name");--> statement-breakpoint
CREATE INDEX "services_org_idx" ON "services" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "services_kind_idx" ON "services" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "storage_pools_device_name_key" ON "storage_pools" USING btree ("device_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "vms_name_key" ON "vms" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "vms_org_idx" ON "vms" USING btree ("org_id","environment");--> statement-breakpoint
CREATE INDEX "vms_hypervisor_idx" ON "vms" USING btree ("hypervisor_id");--> statement-breakpoint
CREATE INDEX "vms_pool_idx" ON "vms" USING btree ("storage_pool_id");