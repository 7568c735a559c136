ALTER TABLE "gateway_probe_hourly" ADD COLUMN "latency_values" integer[];--> statement-breakpoint
ALTER TABLE "gateway_probe_hourly" ADD COLUMN "latency_counts" integer[];--> statement-breakpoint
CREATE INDEX "gateway_probe_hourly_hour_idx" ON "gateway_probe_hourly" USING btree ("hour");--> statement-breakpoint
-- Hours rolled up before this release get their histogram from the raw probes still kept, for the
-- last day: the span the latency percentiles read.
UPDATE "gateway_probe_hourly" h SET "latency_values" = b.latency_values, "latency_counts" = b.latency_counts
FROM (
	SELECT gateway_id, hour, array_agg(latency ORDER BY latency) AS latency_values, array_agg(n ORDER BY latency) AS latency_counts
	FROM (
		SELECT gateway_id, date_trunc('hour', probed_at) AS hour, latency, count(*)::int AS n
		FROM "gateway_probes"
		WHERE status = 'online' AND latency IS NOT NULL AND probed_at >= date_trunc('hour', now()) - interval '25 hours'
		GROUP BY 1, 2, 3
	) per_latency
	GROUP BY 1, 2
) b
WHERE h.gateway_id = b.gateway_id AND h.hour = b.hour;
