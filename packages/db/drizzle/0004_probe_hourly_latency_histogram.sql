ALTER TABLE "gateway_probe_hourly" ADD COLUMN "latency_values" integer[];--> statement-breakpoint
ALTER TABLE "gateway_probe_hourly" ADD COLUMN "latency_counts" integer[];--> statement-breakpoint
CREATE INDEX "gateway_probe_hourly_hour_idx" ON "gateway_probe_hourly" USING btree ("hour");--> statement-breakpoint
-- Rollups written before this release have no histogram, and a worker that was down more than
-- three hours left hours never rolled up; the uptime queries now read whole hours from rollups
-- only. So the rollups of the hours whose raw probes are still kept are dropped: until the worker's
-- rollup job has recomputed them (its first run catches up from the oldest raw probe, a few hours
-- per statement), the uptime queries read those hours from the raw probes.
DELETE FROM "gateway_probe_hourly" WHERE "hour" >= (SELECT date_trunc('hour', min("probed_at")) FROM "gateway_probes");
