CREATE TYPE "public"."session_state" AS ENUM('active', 'ready', 'idle', 'stuck', 'ended');--> statement-breakpoint
CREATE TABLE "gateway_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"session_key" text NOT NULL,
	"agent" text NOT NULL,
	"label" text,
	"kind" text,
	"model" text,
	"model_provider" text,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone NOT NULL,
	"has_active_run" boolean DEFAULT false NOT NULL,
	"run_status" text,
	"run_started_at" timestamp with time zone,
	"run_ended_at" timestamp with time zone,
	"input_tokens" bigint,
	"output_tokens" bigint,
	"estimated_cost_usd" double precision,
	"archived" boolean DEFAULT false NOT NULL,
	"state" "session_state" NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gateway_watchers" (
	"gateway_id" integer PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"throttled_since" timestamp with time zone,
	"loaded_at" timestamp with time zone,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "session_idle_s" integer;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "session_stuck_s" integer;--> statement-breakpoint
ALTER TABLE "gateway_sessions" ADD CONSTRAINT "gateway_sessions_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_watchers" ADD CONSTRAINT "gateway_watchers_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_sessions_gateway_key" ON "gateway_sessions" USING btree ("gateway_id","session_key");--> statement-breakpoint
CREATE INDEX "gateway_sessions_activity_idx" ON "gateway_sessions" USING btree ("last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gateway_sessions_gateway_activity_idx" ON "gateway_sessions" USING btree ("gateway_id","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gateway_sessions_state_activity_idx" ON "gateway_sessions" USING btree ("state","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gateway_sessions_live_idx" ON "gateway_sessions" USING btree ("last_activity_at") WHERE "gateway_sessions"."state" in ('active', 'ready');--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_session_idle_s_min" CHECK ("gateways"."session_idle_s" >= 5);--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_session_stuck_s_min" CHECK ("gateways"."session_stuck_s" >= 5);