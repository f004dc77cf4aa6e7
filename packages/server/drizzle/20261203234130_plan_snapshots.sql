CREATE TABLE "plan_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"day" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"totals" jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_snapshots" ADD CONSTRAINT "plan_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_snapshots" ADD CONSTRAINT "plan_snapshots_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_snapshots_plan_day_key" ON "plan_snapshots" USING btree ("tenant_id","plan_id","day");--> statement-breakpoint
-- A day's state is history: what a 通报 or a past cockpit stood on may not be rewritten afterwards.
CREATE OR REPLACE FUNCTION plan_snapshots_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'plan_snapshots is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_snapshots_append_only
  BEFORE UPDATE OR DELETE ON plan_snapshots
  FOR EACH ROW EXECUTE FUNCTION plan_snapshots_refuse_change();
