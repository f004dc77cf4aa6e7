ALTER TABLE "hand_downs" ADD COLUMN "county_weights" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;