DROP INDEX "gateway_probe_hourly_hour_idx";--> statement-breakpoint
CREATE INDEX "gateway_probe_hourly_hour_counts_idx" ON "gateway_probe_hourly" USING btree ("hour","gateway_id","probes","failures");--> statement-breakpoint
CREATE INDEX "gateways_list_order_idx" ON "gateways" USING btree ("is_primary" DESC NULLS FIRST,lower("name"),"id");