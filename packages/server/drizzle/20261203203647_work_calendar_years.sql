CREATE TABLE "work_calendar_years" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"days" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_calendar_years_tenant_id_year_pk" PRIMARY KEY("tenant_id","year"),
	CONSTRAINT "work_calendar_years_year" CHECK ("work_calendar_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "work_calendar_years" ADD CONSTRAINT "work_calendar_years_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_calendar_years" ADD CONSTRAINT "work_calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;