CREATE TABLE "gateway_probe_totals" (
	"gateway_id" integer PRIMARY KEY NOT NULL,
	"probes" bigint NOT NULL,
	"online" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_probe_total_snapshots" (
	"scheduled_at" timestamp with time zone NOT NULL,
	"gateway_id" integer NOT NULL,
	"probes" bigint NOT NULL,
	"online" bigint NOT NULL,
	CONSTRAINT "gateway_probe_total_snapshots_scheduled_at_gateway_id_pk" PRIMARY KEY("scheduled_at","gateway_id")
);
--> statement-breakpoint
CREATE TABLE "probe_total_snapshots" (
	"scheduled_at" timestamp with time zone PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateway_probe_totals" ADD CONSTRAINT "gateway_probe_totals_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_probe_total_snapshots" ADD CONSTRAINT "gateway_probe_total_snapshots_snapshot_fk" FOREIGN KEY ("scheduled_at") REFERENCES "public"."probe_total_snapshots"("scheduled_at") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every probe inserted, by whichever statement, is added to its gateway's running totals by that
-- statement: the worker's batched writes, fixtures, seeders, and workers of the previous release
-- still running during an upgrade alike. The totals start empty rather than counted from the raw
-- probes kept: the uptime reads only their differences from snapshots, all taken after this
-- migration, so a starting count would cancel out, and counting a month of raw probes would hold
-- up this migration (and every start waiting for it) for minutes on a large install.
CREATE FUNCTION "gateway_probes_add_to_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "gateway_probe_totals" ("gateway_id", "probes", "online")
  SELECT "gateway_id", count(*), count(*) FILTER (WHERE "status" = 'online')
  FROM "inserted_probes" GROUP BY "gateway_id" ORDER BY "gateway_id"
  ON CONFLICT ("gateway_id") DO UPDATE SET
    "probes" = "gateway_probe_totals"."probes" + excluded."probes",
    "online" = "gateway_probe_totals"."online" + excluded."online";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "gateway_probes_add_to_totals" AFTER INSERT ON "gateway_probes"
  REFERENCING NEW TABLE AS "inserted_probes"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway_probes_add_to_totals"();
