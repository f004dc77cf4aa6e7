CREATE TABLE "cascade_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"from_tenant_id" uuid NOT NULL,
	"hand_down_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"node_id" uuid,
	"return_reason" text,
	"linked_at" timestamp with time zone,
	"linked_by" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cascade_links_status_check" CHECK ("cascade_links"."status" in ('pending', 'linked', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "hand_downs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"due_date" text,
	"targets" jsonb NOT NULL,
	"handed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cascade_links" ADD CONSTRAINT "cascade_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_links" ADD CONSTRAINT "cascade_links_from_tenant_id_tenants_id_fk" FOREIGN KEY ("from_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_links" ADD CONSTRAINT "cascade_links_hand_down_id_hand_downs_id_fk" FOREIGN KEY ("hand_down_id") REFERENCES "public"."hand_downs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_links" ADD CONSTRAINT "cascade_links_node_id_plan_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cascade_links" ADD CONSTRAINT "cascade_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_node_id_plan_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."plan_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hand_downs" ADD CONSTRAINT "hand_downs_handed_by_users_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cascade_links_hand_down_key" ON "cascade_links" USING btree ("tenant_id","hand_down_id");--> statement-breakpoint
CREATE INDEX "cascade_links_inbox_idx" ON "cascade_links" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "cascade_links_node_idx" ON "cascade_links" USING btree ("tenant_id","node_id");--> statement-breakpoint
CREATE INDEX "cascade_links_from_idx" ON "cascade_links" USING btree ("from_tenant_id","hand_down_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hand_downs_node_key" ON "hand_downs" USING btree ("tenant_id","node_id");--> statement-breakpoint
CREATE INDEX "hand_downs_plan_idx" ON "hand_downs" USING btree ("tenant_id","plan_id");