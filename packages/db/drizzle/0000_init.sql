CREATE TYPE "public"."agent_status" AS ENUM('online', 'offline');--> statement-breakpoint
CREATE TYPE "public"."connection_status" AS ENUM('connected', 'disconnected');--> statement-breakpoint
CREATE TYPE "public"."gateway_status" AS ENUM('unknown', 'online', 'offline', 'timeout', 'error');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('viewer', 'operator', 'admin');--> statement-breakpoint
CREATE TABLE "agents" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'cli' NOT NULL,
	"status" "agent_status" DEFAULT 'offline' NOT NULL,
	"source" text DEFAULT 'cli' NOT NULL,
	"last_seen" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"role" "role" NOT NULL,
	"owner_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "direct_connections" (
	"id" serial PRIMARY KEY NOT NULL,
	"agent_id" integer NOT NULL,
	"tool_name" text NOT NULL,
	"tool_version" text,
	"connection_id" text NOT NULL,
	"status" "connection_status" DEFAULT 'connected' NOT NULL,
	"last_heartbeat" timestamp with time zone,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"disconnected_at" timestamp with time zone,
	"disconnect_reason" text,
	CONSTRAINT "direct_connections_connection_id_unique" UNIQUE("connection_id")
);
--> statement-breakpoint
CREATE TABLE "gateway_probe_hourly" (
	"gateway_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"probes" integer NOT NULL,
	"failures" integer NOT NULL,
	"latency_min" integer,
	"latency_avg" real,
	"latency_p95" integer,
	CONSTRAINT "gateway_probe_hourly_gateway_id_hour_pk" PRIMARY KEY("gateway_id","hour")
);
--> statement-breakpoint
CREATE TABLE "gateway_probes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"gateway_id" integer NOT NULL,
	"status" "gateway_status" NOT NULL,
	"latency" integer,
	"sessions_count" integer,
	"agents_count" integer,
	"version" text,
	"error" text,
	"probed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateways" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"port" integer DEFAULT 18789 NOT NULL,
	"token" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"status" "gateway_status" DEFAULT 'unknown' NOT NULL,
	"last_seen" timestamp with time zone,
	"latency" integer,
	"sessions_count" integer DEFAULT 0 NOT NULL,
	"agents_count" integer DEFAULT 0 NOT NULL,
	"version" text,
	"last_error" text,
	"last_probe_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "token_usage" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agent_id" integer NOT NULL,
	"connection_id" integer,
	"model" text NOT NULL,
	"input_tokens" integer NOT NULL,
	"output_tokens" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_connections" ADD CONSTRAINT "direct_connections_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_probe_hourly" ADD CONSTRAINT "gateway_probe_hourly_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_probes" ADD CONSTRAINT "gateway_probes_gateway_id_gateways_id_fk" FOREIGN KEY ("gateway_id") REFERENCES "public"."gateways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_usage" ADD CONSTRAINT "token_usage_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_usage" ADD CONSTRAINT "token_usage_connection_id_direct_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."direct_connections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agents_name_key" ON "agents" USING btree ("name");--> statement-breakpoint
CREATE INDEX "api_keys_owner_id_idx" ON "api_keys" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "direct_connections_agent_id_idx" ON "direct_connections" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "direct_connections_created_at_idx" ON "direct_connections" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "direct_connections_connected_expires_idx" ON "direct_connections" USING btree ("expires_at") WHERE "direct_connections"."status" = 'connected';--> statement-breakpoint
CREATE INDEX "gateway_probes_gateway_probed_at_idx" ON "gateway_probes" USING btree ("gateway_id","probed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "gateway_probes_probed_at_idx" ON "gateway_probes" USING btree ("probed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gateways_name_lower_key" ON "gateways" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "gateways_one_primary_key" ON "gateways" USING btree ("is_primary") WHERE "gateways"."is_primary";--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "token_usage_agent_recorded_at_idx" ON "token_usage" USING btree ("agent_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" USING btree (lower("username"));