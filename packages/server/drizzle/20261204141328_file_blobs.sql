CREATE TABLE "file_blob_chunks" (
	"blob_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_blob_chunks_blob_id_idx_pk" PRIMARY KEY("blob_id","idx")
);
--> statement-breakpoint
CREATE TABLE "file_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"blob_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"chunks" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_blobs_blob_id_unique" UNIQUE("blob_id")
);
--> statement-breakpoint
-- Stored files are mostly photos and PDFs, already compressed: kept out of line without another compression pass.
ALTER TABLE "file_blob_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
