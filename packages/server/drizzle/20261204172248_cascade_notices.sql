CREATE TABLE "cascade_notice_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"action" text NOT NULL,
	"text" text,
	"measures" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cascade_notice_events_action_check" CHECK ("cascade_notice_events"."action" in ('issue', 'reply', 'accept', 'return'))
);
--> statement-breakpoint
CREATE TABLE "cascade_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hand_down_id" uuid NOT NULL,
	"to_tenant_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"reply_due" text NOT NULL,
	"document_number" text,
	"status" text DEFAULT 'open' NOT NULL,
	"issued_by" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cascade_notices_level_check" CHECK ("cascade_notices"."level" in ('blue', 'yellow', 'red')),
	CONSTRAINT "cascade_notices_status_check" CHECK ("cascade_notices"."status" in ('open', 'replied', 'accepted', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "cascade_notice_events" ADD CONSTRAINT "cascade_notice_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notice_events" ADD CONSTRAINT "cascade_notice_events_notice_id_cascade_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."cascade_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notice_events" ADD CONSTRAINT "cascade_notice_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notices" ADD CONSTRAINT "cascade_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notices" ADD CONSTRAINT "cascade_notices_hand_down_id_hand_downs_id_fk" FOREIGN KEY ("hand_down_id") REFERENCES "public"."hand_downs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notices" ADD CONSTRAINT "cascade_notices_to_tenant_id_tenants_id_fk" FOREIGN KEY ("to_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notices" ADD CONSTRAINT "cascade_notices_link_id_cascade_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."cascade_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_notices" ADD CONSTRAINT "cascade_notices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cascade_notice_events_notice_idx" ON "cascade_notice_events" USING btree ("notice_id","created_at");--> statement-breakpoint
CREATE INDEX "cascade_notices_hand_down_idx" ON "cascade_notices" USING btree ("tenant_id","hand_down_id","created_at");--> statement-breakpoint
CREATE INDEX "cascade_notices_link_idx" ON "cascade_notices" USING btree ("link_id","to_tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cascade_notices_document_number_key" ON "cascade_notices" USING btree ("tenant_id","document_number") WHERE "cascade_notices"."document_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cascade_notices_live_key" ON "cascade_notices" USING btree ("tenant_id","hand_down_id","to_tenant_id") WHERE "cascade_notices"."status" in ('open', 'replied', 'returned');--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('assignment.created', 'assignment.acknowledged', 'report.submitted', 'report.resubmitted', 'report.returned', 'report.approved', 'notice', 'notice.replied', 'notice_returned', 'notice.accepted', 'extension.submitted', 'extension', 'rectification.created', 'rectification.submitted', 'rectification.returned', 'rectification.accepted', 'task.close_requested', 'task.closed', 'task.close_returned', 'instruction.created', 'instruction.acknowledged', 'bulletin.issued', 'form.returned', 'assessment.published', 'assessment.appeal_submitted', 'assessment.appeal_decided', 'cascade_notice.issued', 'cascade_notice.replied', 'cascade_notice.decided', 'reminder'));