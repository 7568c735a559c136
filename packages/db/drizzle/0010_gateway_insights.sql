CREATE TABLE "gateway_auth_failures" (
	"gateway_id" integer NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"count" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gateway_auth_failures_gateway_id_minute_address_reason_pk" PRIMARY KEY("gateway_id","minute","address","reason")
);
--> statement-breakpoint
CREATE TABLE "gateway_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"session_key" text,
	"agent" text,
	"run_id" text,
	"summary" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"sampled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_read_cursors" (
	"gateway_id" integer PRIMARY KEY NOT NULL,
	"log_cursor" bigint,
	"tool_calls_seen_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_tool_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tool_id" integer NOT NULL,
	"gateway_id" integer NOT NULL,
	"tool_call_id" text NOT NULL,
	"session_key" text,
	"agent" text,
	"run_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"ok" boolean NOT NULL,
	"error" text,
	"exit_code" integer,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_tool_hourly" (
	"tool_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"calls" integer NOT NULL,
	"failures" integer NOT NULL,
	"p50_ms" integer,
	"p95_ms" integer,
	"max_ms" integer,
	CONSTRAINT "gateway_tool_hourly_tool_id_hour_pk" PRIMARY KEY("tool_id","hour")
);
--> statement-breakpoint
CREATE TABLE "gateway_tools" (
	"id" serial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"name" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_call_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gateway_usage" (
	"gateway_id" integer NOT NULL,
	"day" date NOT NULL,
	"session_key" text NOT NULL,
	"agent" text,
	"model" text,
	"provider" text,
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cost_usd" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_usage_gateway_id_day_session_key_pk" PRIMARY KEY("gateway_id","day","session_key")
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"model" text PRIMARY KEY NOT NULL,
	"input_usd_per_mtok" double precision NOT NULL,
	"output_usd_per_mtok" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateway_auth_failures" ADD CONSTRAINT "gateway_auth_failures_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_events" ADD CONSTRAINT "gateway_events_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_read_cursors" ADD CONSTRAINT "gateway_read_cursors_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_tool_calls" ADD CONSTRAINT "gateway_tool_calls_tool_id_gateway_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."gateway_tools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_tool_calls" ADD CONSTRAINT "gateway_tool_calls_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_tool_hourly" ADD CONSTRAINT "gateway_tool_hourly_tool_id_gateway_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."gateway_tools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_tools" ADD CONSTRAINT "gateway_tools_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_usage" ADD CONSTRAINT "gateway_usage_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_auth_failures_minute_idx" ON "gateway_auth_failures" USING btree ("minute");--> statement-breakpoint
CREATE INDEX "gateway_events_gateway_id_idx" ON "gateway_events" USING btree ("gateway_id","id");--> statement-breakpoint
CREATE INDEX "gateway_events_gateway_type_idx" ON "gateway_events" USING btree ("gateway_id","type","id");--> statement-breakpoint
CREATE INDEX "gateway_events_gateway_session_idx" ON "gateway_events" USING btree ("gateway_id","session_key","id");--> statement-breakpoint
CREATE INDEX "gateway_events_at_idx" ON "gateway_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_tool_calls_gateway_call" ON "gateway_tool_calls" USING btree ("gateway_id","tool_call_id");--> statement-breakpoint
CREATE INDEX "gateway_tool_calls_tool_ended_idx" ON "gateway_tool_calls" USING btree ("tool_id","ended_at");--> statement-breakpoint
CREATE INDEX "gateway_tool_calls_failures_idx" ON "gateway_tool_calls" USING btree ("tool_id","ended_at") WHERE not "gateway_tool_calls"."ok";--> statement-breakpoint
CREATE INDEX "gateway_tool_calls_recorded_idx" ON "gateway_tool_calls" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "gateway_tool_calls_ended_idx" ON "gateway_tool_calls" USING btree ("ended_at");--> statement-breakpoint
CREATE INDEX "gateway_tool_hourly_hour_idx" ON "gateway_tool_hourly" USING btree ("hour");--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_tools_gateway_name" ON "gateway_tools" USING btree ("gateway_id","name");--> statement-breakpoint
CREATE INDEX "gateway_usage_day_idx" ON "gateway_usage" USING btree ("day");--> statement-breakpoint
-- A starting price list (US dollars per million tokens, list prices when written); admins edit it.
INSERT INTO "model_prices" ("model", "input_usd_per_mtok", "output_usd_per_mtok") VALUES
  ('claude-opus-4', 15, 75),
  ('claude-sonnet-4', 3, 15),
  ('claude-sonnet-4-5', 3, 15),
  ('claude-haiku-4-5', 1, 5),
  ('gpt-4.1', 2, 8),
  ('gpt-4.1-mini', 0.4, 1.6),
  ('gpt-4o', 2.5, 10),
  ('gpt-4o-mini', 0.15, 0.6),
  ('o3', 2, 8),
  ('gemini-2.5-pro', 1.25, 10),
  ('gemini-2.5-flash', 0.3, 2.5)
ON CONFLICT ("model") DO NOTHING;
