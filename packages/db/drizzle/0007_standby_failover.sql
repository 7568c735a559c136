CREATE TABLE "gateway_failovers" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_id" integer,
	"from_name" text NOT NULL,
	"to_id" integer,
	"to_name" text,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"automatic" boolean NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "consecutive_successes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "failover_priority" integer;--> statement-breakpoint
ALTER TABLE "gateway_failovers" ADD CONSTRAINT "gateway_failovers_from_id_gateways_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_failovers" ADD CONSTRAINT "gateway_failovers_to_id_gateways_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."gateways"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_failovers_at_idx" ON "gateway_failovers" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_failover_priority_positive" CHECK ("gateways"."failover_priority" >= 1);