CREATE TABLE "document_number_prefixes" (
	"tenant_id" uuid NOT NULL,
	"series" text NOT NULL,
	"prefix" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_number_prefixes_tenant_id_series_pk" PRIMARY KEY("tenant_id","series"),
	CONSTRAINT "document_number_prefixes_series_check" CHECK ("document_number_prefixes"."series" in ('bulletin', 'notice'))
);
--> statement-breakpoint
CREATE TABLE "document_number_sequences" (
	"tenant_id" uuid NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "document_number_sequences_tenant_id_series_year_pk" PRIMARY KEY("tenant_id","series","year"),
	CONSTRAINT "document_number_sequences_series_check" CHECK ("document_number_sequences"."series" in ('bulletin', 'notice'))
);
--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "document_number_prefixes" ADD CONSTRAINT "document_number_prefixes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_number_sequences" ADD CONSTRAINT "document_number_sequences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_notices_document_number_key" ON "supervision_notices" USING btree ("tenant_id","document_number") WHERE "supervision_notices"."document_number" is not null;--> statement-breakpoint
-- Backfill: notices raised before numbering get 督办〔year〕n号 per tenant and Shanghai year (UTC+8, no DST) in
-- creation order, and each sequence continues from the last number given.
WITH numbered AS (
	SELECT "id", "tenant_id",
		extract(year FROM ("created_at" AT TIME ZONE 'UTC') + interval '8 hours')::integer AS "year",
		row_number() OVER (
			PARTITION BY "tenant_id", extract(year FROM ("created_at" AT TIME ZONE 'UTC') + interval '8 hours')
			ORDER BY "created_at", "id"
		)::integer AS "seq"
	FROM "supervision_notices"
)
UPDATE "supervision_notices" AS n
SET "document_number" = '督办〔' || numbered."year" || '〕' || numbered."seq" || '号'
FROM numbered
WHERE n."id" = numbered."id";
--> statement-breakpoint
INSERT INTO "document_number_sequences" ("tenant_id", "series", "year", "last_seq")
SELECT "tenant_id", 'notice',
	extract(year FROM ("created_at" AT TIME ZONE 'UTC') + interval '8 hours')::integer,
	count(*)::integer
FROM "supervision_notices"
GROUP BY 1, 3;
