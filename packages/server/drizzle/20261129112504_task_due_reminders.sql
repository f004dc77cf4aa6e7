ALTER TABLE "reminder_log" DROP CONSTRAINT "reminder_log_subject";--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_log_task_key" ON "reminder_log" USING btree ("tenant_id","assignment_id","kind") WHERE "reminder_log"."cycle_id" is null and "reminder_log"."rectification_id" is null;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD CONSTRAINT "reminder_log_subject" CHECK (("reminder_log"."assignment_id" is not null and "reminder_log"."cycle_id" is not null and "reminder_log"."rectification_id" is null)
        or ("reminder_log"."assignment_id" is not null and "reminder_log"."cycle_id" is null and "reminder_log"."rectification_id" is null)
        or ("reminder_log"."assignment_id" is null and "reminder_log"."cycle_id" is null and "reminder_log"."rectification_id" is not null));