CREATE TABLE "search_entries" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"plan_id" uuid,
	"node_id" uuid,
	"unit_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"grams" "tsvector" NOT NULL,
	CONSTRAINT "search_entries_kind_entity_id_pk" PRIMARY KEY("kind","entity_id"),
	CONSTRAINT "search_entries_kind_check" CHECK ("search_entries"."kind" in ('task', 'measure', 'milestone', 'report', 'notice', 'rectification', 'instruction', 'unit'))
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_grams_idx" ON "search_entries" USING gin ("grams");--> statement-breakpoint
CREATE INDEX "search_entries_tenant_idx" ON "search_entries" USING btree ("tenant_id","kind");