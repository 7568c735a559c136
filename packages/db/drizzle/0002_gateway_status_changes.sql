CREATE TABLE "gateway_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"old_status" "gateway_status" NOT NULL,
	"new_status" "gateway_status" NOT NULL,
	"latency" integer,
	"error" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateway_status_changes" ADD CONSTRAINT "gateway_status_changes_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_status_changes_changed_at_idx" ON "gateway_status_changes" USING btree ("changed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gateway_status_changes_gateway_changed_at_idx" ON "gateway_status_changes" USING btree ("gateway_id","changed_at");