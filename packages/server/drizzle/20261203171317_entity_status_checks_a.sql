ALTER TABLE "assignments" ADD CONSTRAINT "assignments_role_check" CHECK ("assignments"."role" in ('lead', 'co', 'executor'));--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_status_check" CHECK ("assignments"."status" in ('active', 'removed'));--> statement-breakpoint
ALTER TABLE "node_closures" ADD CONSTRAINT "node_closures_status_check" CHECK ("node_closures"."status" in ('requested', 'confirmed', 'returned'));--> statement-breakpoint
ALTER TABLE "report_cycles" ADD CONSTRAINT "report_cycles_kind_check" CHECK ("report_cycles"."kind" in ('monthly', 'weekly', 'quarterly', 'adhoc'));--> statement-breakpoint
ALTER TABLE "report_cycles" ADD CONSTRAINT "report_cycles_status_check" CHECK ("report_cycles"."status" in ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_status_check" CHECK ("reports"."status" in ('draft', 'submitted', 'returned', 'approved'));--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_comparator_check" CHECK ("indicators"."comparator" in ('gte', 'gt', 'lte', 'lt', 'eq', 'range'));--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_aggregation_check" CHECK ("indicators"."aggregation" in ('sum', 'average', 'latest', 'min', 'max'));--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_status_check" CHECK ("plan_imports"."status" in ('reviewing', 'published', 'discarded'));--> statement-breakpoint
ALTER TABLE "plan_imports" ADD CONSTRAINT "plan_imports_kind_check" CHECK ("plan_imports"."kind" in ('plan', 'explanation', 'summary', 'unknown'));--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_level_check" CHECK ("plan_nodes"."level" in ('section', 'subsection', 'task', 'subtask'));--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_status_check" CHECK ("plan_nodes"."status" in ('active', 'closing', 'closed'));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('draft', 'published'));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_cadence_check" CHECK ("plans"."cadence" in ('monthly', 'weekly', 'quarterly', 'adhoc'));--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_status_check" CHECK ("extension_requests"."status" in ('pending_lead', 'pending_supervisor', 'approved', 'refused'));