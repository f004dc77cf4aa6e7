ALTER TABLE "forms" ADD COLUMN "auto_round" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "form_rounds_form_cycle_key" ON "form_rounds" USING btree ("tenant_id","form_id","cycle_id");