CREATE TYPE "public"."grant_mode" AS ENUM('review', 'auto');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."revision_status" AS ENUM('draft', 'submitted', 'approved', 'rejected', 'rolling_out', 'applied', 'failed', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."rollout_host_state" AS ENUM('pending', 'applying', 'applied', 'unchanged', 'failed');--> statement-breakpoint
CREATE TYPE "public"."rollout_status" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."delegation_scope" AS ENUM('vm', 'service', 'environment', 'org');--> statement-breakpoint
CREATE TYPE "public"."snippet_kind" AS ENUM('nginx', 'cron', 'firewall', 'features', 'supervisor', 'env_config');--> statement-breakpoint
CREATE SEQUENCE "public"."rollout_generation" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "drift_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vm_id" uuid NOT NULL,
	"paths" jsonb NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"repaired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" "snippet_kind" NOT NULL,
	"scope_type" "delegation_scope" NOT NULL,
	"vm_id" uuid,
	"service_id" uuid,
	"environment" "environment",
	"mode" "grant_mode" DEFAULT 'review' NOT NULL,
	"granted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "grants_scope_shape" CHECK (("grants"."scope_type" = 'vm' and "grants"."vm_id" is not null and "grants"."service_id" is null and "grants"."environment" is null)
    or ("grants"."scope_type" = 'service' and "grants"."service_id" is not null and "grants"."vm_id" is null and "grants"."environment" is null)
    or ("grants"."scope_type" = 'environment' and "grants"."environment" is not null and "grants"."vm_id" is null and "grants"."service_id" is null)
    or ("grants"."scope_type" = 'org' and "grants"."vm_id" is null and "grants"."service_id" is null and "grants"."environment" is null))
);
--> statement-breakpoint
CREATE TABLE "host_states" (
	"vm_id" uuid PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL,
	"file_hashes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"revision_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"decision" "review_decision" NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollout_hosts" (
	"rollout_id" uuid NOT NULL,
	"vm_id" uuid NOT NULL,
	"state" "rollout_host_state" DEFAULT 'pending' NOT NULL,
	"log" text DEFAULT '' NOT NULL,
	"files_written" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "rollout_hosts_rollout_id_vm_id_pk" PRIMARY KEY("rollout_id","vm_id")
);
--> statement-breakpoint
CREATE TABLE "rollouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"revision_id" uuid,
	"org_id" uuid,
	"generation" bigint DEFAULT nextval('rollout_generation') NOT NULL,
	"status" "rollout_status" DEFAULT 'pending' NOT NULL,
	"hosts_total" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "snippet_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"snippet_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"based_on_revision_id" uuid,
	"validation" jsonb NOT NULL,
	"status" "revision_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	CONSTRAINT "snippet_revisions_number_positive" CHECK ("snippet_revisions"."number" > 0),
	CONSTRAINT "snippet_revisions_reject_reason" CHECK ("snippet_revisions"."status" <> 'rejected' or "snippet_revisions"."reject_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "snippets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "snippet_kind" NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"scope_type" "delegation_scope" NOT NULL,
	"vm_id" uuid,
	"service_id" uuid,
	"environment" "environment",
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_revision_id" uuid,
	"approved_revision_id" uuid,
	"applied_revision_id" uuid,
	"ticket_id" uuid,
	CONSTRAINT "snippets_scope_shape" CHECK (("snippets"."scope_type" = 'vm' and "snippets"."vm_id" is not null and "snippets"."service_id" is null and "snippets"."environment" is null)
    or ("snippets"."scope_type" = 'service' and "snippets"."service_id" is not null and "snippets"."vm_id" is null and "snippets"."environment" is null)
    or ("snippets"."scope_type" = 'environment' and "snippets"."environment" is not null and "snippets"."vm_id" is null and "snippets"."service_id" is null)
    or ("snippets"."scope_type" = 'org' and "snippets"."vm_id" is null and "snippets"."service_id" is null and "snippets"."environment" is null)),
	CONSTRAINT "snippets_slug_shape" CHECK ("snippets"."slug" ~ '^[a-z0-9][a-z0-9-]{0,47}$')
);
--> statement-breakpoint
ALTER TABLE "drift_events" ADD CONSTRAINT "drift_events_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_states" ADD CONSTRAINT "host_states_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_revision_id_snippet_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."snippet_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_hosts" ADD CONSTRAINT "rollout_hosts_rollout_id_rollouts_id_fk" FOREIGN KEY ("rollout_id") REFERENCES "public"."rollouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_hosts" ADD CONSTRAINT "rollout_hosts_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollouts" ADD CONSTRAINT "rollouts_revision_id_snippet_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."snippet_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollouts" ADD CONSTRAINT "rollouts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippet_revisions" ADD CONSTRAINT "snippet_revisions_snippet_id_snippets_id_fk" FOREIGN KEY ("snippet_id") REFERENCES "public"."snippets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippet_revisions" ADD CONSTRAINT "snippet_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippet_revisions" ADD CONSTRAINT "snippet_revisions_based_on_revision_id_snippet_revisions_id_fk" FOREIGN KEY ("based_on_revision_id") REFERENCES "public"."snippet_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippet_revisions" ADD CONSTRAINT "snippet_revisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_vm_id_vms_id_fk" FOREIGN KEY ("vm_id") REFERENCES "public"."vms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_current_revision_id_snippet_revisions_id_fk" FOREIGN KEY ("current_revision_id") REFERENCES "public"."snippet_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_approved_revision_id_snippet_revisions_id_fk" FOREIGN KEY ("approved_revision_id") REFERENCES "public"."snippet_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_applied_revision_id_snippet_revisions_id_fk" FOREIGN KEY ("applied_revision_id") REFERENCES "public"."snippet_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snippets" ADD CONSTRAINT "snippets_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drift_events_vm_idx" ON "drift_events" USING btree ("vm_id","detected_at");--> statement-breakpoint
CREATE INDEX "drift_events_open_idx" ON "drift_events" USING btree ("detected_at") WHERE "drift_events"."repaired_at" is null;--> statement-breakpoint
CREATE INDEX "grants_org_kind_idx" ON "grants" USING btree ("org_id","kind") WHERE "grants"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "reviews_revision_idx" ON "reviews" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "rollout_hosts_vm_idx" ON "rollout_hosts" USING btree ("vm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rollouts_generation_key" ON "rollouts" USING btree ("generation");--> statement-breakpoint
CREATE INDEX "rollouts_revision_idx" ON "rollouts" USING btree ("revision_id");--> statement-breakpoint
CREATE INDEX "rollouts_org_idx" ON "rollouts" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "rollouts_open_idx" ON "rollouts" USING btree ("created_at") WHERE "rollouts"."status" in ('pending', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "snippet_revisions_number_key" ON "snippet_revisions" USING btree ("snippet_id","number");--> statement-breakpoint
CREATE INDEX "snippet_revisions_submitted_idx" ON "snippet_revisions" USING btree ("submitted_at") WHERE "snippet_revisions"."status" = 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "snippets_org_kind_slug_key" ON "snippets" USING btree ("org_id","kind","slug");--> statement-breakpoint
CREATE INDEX "snippets_vm_idx" ON "snippets" USING btree ("vm_id");--> statement-breakpoint
CREATE INDEX "snippets_service_idx" ON "snippets" USING btree ("service_id");--> statement-breakpoint
-- A revision is exactly what its author wrote and what was found in it: content, author, number,
-- lineage and validation never change, and revisions are never deleted. Only the lifecycle columns
-- (status, submitted_at, decided_by, decided_at, reject_reason) may move. Enforced here so that no
-- code path, present or future, can rewrite what a reviewer approved.
CREATE OR REPLACE FUNCTION snippet_revisions_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'snippet_revisions are kept forever (% refused)', TG_OP;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.snippet_id IS DISTINCT FROM OLD.snippet_id
    OR NEW.number IS DISTINCT FROM OLD.number
    OR NEW.content IS DISTINCT FROM OLD.content
    OR NEW.author_id IS DISTINCT FROM OLD.author_id
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
    OR NEW.based_on_revision_id IS DISTINCT FROM OLD.based_on_revision_id
    OR NEW.validation IS DISTINCT FROM OLD.validation THEN
    RAISE EXCEPTION 'snippet revision % is immutable: only its status may change; save a new revision instead', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER snippet_revisions_no_rewrite
  BEFORE UPDATE OR DELETE ON snippet_revisions
  FOR EACH ROW EXECUTE FUNCTION snippet_revisions_immutable();
--> statement-breakpoint
CREATE TRIGGER snippet_revisions_no_truncate
  BEFORE TRUNCATE ON snippet_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION snippet_revisions_immutable();
