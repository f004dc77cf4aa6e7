CREATE TABLE "bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"named_unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"number" text,
	"seq" integer,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletins_status_check" CHECK ("bulletins"."status" in ('draft', 'issued')),
	CONSTRAINT "bulletins_issued_check" CHECK (("bulletins"."status" = 'issued') = ("bulletins"."number" is not null))
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletins_plan_idx" ON "bulletins" USING btree ("tenant_id","plan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_number_unique" ON "bulletins" USING btree ("tenant_id","number") WHERE "bulletins"."number" is not null;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('assignment.created', 'assignment.acknowledged', 'report.submitted', 'report.resubmitted', 'report.returned', 'report.approved', 'notice', 'notice.replied', 'notice_returned', 'notice.accepted', 'extension.submitted', 'extension', 'rectification.created', 'rectification.submitted', 'rectification.returned', 'rectification.accepted', 'task.close_requested', 'task.closed', 'task.close_returned', 'instruction.created', 'instruction.acknowledged', 'bulletin.issued', 'reminder'));