CREATE TABLE "upward_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"cascade_link_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"progress" double precision,
	"light" text,
	"file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
DROP INDEX "hand_downs_node_key";--> statement-breakpoint
ALTER TABLE "hand_downs" ADD COLUMN "measure_id" uuid;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD COLUMN "indicator_id" uuid;--> statement-breakpoint
ALTER TABLE "upward_reports" ADD CONSTRAINT "upward_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upward_reports" ADD CONSTRAINT "upward_reports_cascade_link_id_cascade_links_id_fk" FOREIGN KEY ("cascade_link_id") REFERENCES "public"."cascade_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upward_reports" ADD CONSTRAINT "upward_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "upward_reports_link_version_key" ON "upward_reports" USING btree ("tenant_id","cascade_link_id","version");--> statement-breakpoint
CREATE INDEX "upward_reports_link_idx" ON "upward_reports" USING btree ("cascade_link_id","version");--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hand_downs_measure_key" ON "hand_downs" USING btree ("tenant_id","measure_id") WHERE "hand_downs"."measure_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "hand_downs_indicator_key" ON "hand_downs" USING btree ("tenant_id","indicator_id") WHERE "hand_downs"."indicator_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "hand_downs_node_key" ON "hand_downs" USING btree ("tenant_id","node_id") WHERE "hand_downs"."measure_id" is null and "hand_downs"."indicator_id" is null;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_one_item_check" CHECK ("hand_downs"."measure_id" is null or "hand_downs"."indicator_id" is null);--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('assignment.created', 'assignment.acknowledged', 'report.submitted', 'report.resubmitted', 'report.returned', 'report.approved', 'notice', 'notice.replied', 'notice_returned', 'notice.accepted', 'extension.submitted', 'extension', 'rectification.created', 'rectification.submitted', 'rectification.returned', 'rectification.accepted', 'task.close_requested', 'task.closed', 'task.close_returned', 'instruction.created', 'instruction.acknowledged', 'bulletin.issued', 'form.returned', 'assessment.published', 'assessment.appeal_submitted', 'assessment.appeal_decided', 'cascade_notice.issued', 'cascade_notice.replied', 'cascade_notice.decided', 'cascade.handed_down', 'cascade.upward_report', 'reminder'));