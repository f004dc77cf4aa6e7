ALTER TABLE "reminder_log" ALTER COLUMN "assignment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_log" ALTER COLUMN "cycle_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD COLUMN "rectification_id" uuid;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD CONSTRAINT "reminder_log_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_log_rectification_key" ON "reminder_log" USING btree ("tenant_id","rectification_id","kind") WHERE "reminder_log"."rectification_id" is not null;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD CONSTRAINT "reminder_log_subject" CHECK (("reminder_log"."assignment_id" is not null and "reminder_log"."cycle_id" is not null and "reminder_log"."rectification_id" is null)
        or ("reminder_log"."assignment_id" is null and "reminder_log"."cycle_id" is null and "reminder_log"."rectification_id" is not null));