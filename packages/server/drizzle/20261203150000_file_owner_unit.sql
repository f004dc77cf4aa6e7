ALTER TABLE "files" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_unit_created_idx" ON "files" USING btree ("tenant_id","unit_id","created_at");--> statement-breakpoint
CREATE INDEX "files_creator_created_idx" ON "files" USING btree ("tenant_id","created_by","created_at");--> statement-breakpoint
-- Evidence uploaded before this column existed belongs to its uploader's unit; plan documents stay unit-less.
UPDATE "files" SET "unit_id" = "users"."unit_id" FROM "users"
WHERE "users"."id" = "files"."created_by" AND "files"."unit_id" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "plan_imports" WHERE "plan_imports"."file_id" = "files"."id");
