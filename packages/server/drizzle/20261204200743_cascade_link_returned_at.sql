ALTER TABLE "cascade_links" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
-- A link still returned was last updated by its return.
UPDATE "cascade_links" SET "returned_at" = "updated_at" WHERE "status" = 'returned';
