DROP INDEX "users_tenant_idx";--> statement-breakpoint
CREATE INDEX "users_tenant_unit_idx" ON "users" USING btree ("tenant_id","unit_id");