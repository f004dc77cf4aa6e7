ALTER TABLE "unit_groups" ADD CONSTRAINT "unit_groups_kind_check" CHECK ("unit_groups"."kind" in ('list', 'rule'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_kind_check" CHECK ("units"."kind" in ('department', 'school'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_school_type_check" CHECK ("units"."school_type" in ('kindergarten', 'primary', 'junior', 'nine_year', 'senior', 'vocational', 'special', 'teacher_school', 'other'));--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_ownership_check" CHECK ("units"."ownership" in ('public', 'private', 'private_inclusive'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_roles_check" CHECK ("users"."roles" <@ array['admin', 'leader', 'supervisor', 'department', 'school', 'inspector']::text[]);--> statement-breakpoint
ALTER TABLE "channel_settings" ADD CONSTRAINT "channel_settings_kind_check" CHECK ("channel_settings"."kind" in ('email', 'wecom', 'dingtalk'));--> statement-breakpoint
ALTER TABLE "leader_instructions" ADD CONSTRAINT "leader_instructions_entity_check" CHECK ("leader_instructions"."entity" in ('plan_node', 'report', 'notice', 'rectification'));--> statement-breakpoint
ALTER TABLE "notice_events" ADD CONSTRAINT "notice_events_action_check" CHECK ("notice_events"."action" in ('raise', 'upgrade', 'reply', 'accept', 'return', 'auto_close'));--> statement-breakpoint
ALTER TABLE "notice_events" ADD CONSTRAINT "notice_events_level_check" CHECK ("notice_events"."level" in ('blue', 'yellow', 'red'));--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_source_check" CHECK ("rectifications"."source" in ('inspection', 'safety', 'supervision', 'manual'));--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_status_check" CHECK ("rectifications"."status" in ('open', 'submitted', 'accepted', 'returned'));--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_level_check" CHECK ("supervision_notices"."level" in ('blue', 'yellow', 'red'));--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_source_check" CHECK ("supervision_notices"."source" in ('auto', 'manual'));--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_status_check" CHECK ("supervision_notices"."status" in ('open', 'replied', 'accepted', 'returned', 'closed'));