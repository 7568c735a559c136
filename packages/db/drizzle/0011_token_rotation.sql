ALTER TABLE "gateways" ADD COLUMN "token_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "token_rotated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "token_rotation_mode" text;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "rotate_every_days" integer;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "token_rotating_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "pending_token" text;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "pending_token_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gateways" ADD COLUMN "token_mismatches" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_rotate_every_days_range" CHECK ("gateways"."rotate_every_days" between 1 and 3650);--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_pending_token_expiry" CHECK (("gateways"."pending_token" is null) = ("gateways"."pending_token_expires_at" is null));--> statement-breakpoint
ALTER TABLE "gateways" ADD CONSTRAINT "gateways_token_rotation_mode" CHECK ("gateways"."token_rotation_mode" in ('auto', 'manual'));--> statement-breakpoint
-- A token stored before its age was kept: counted from the gateway's registration, so an old one shows as old.
UPDATE "gateways" SET "token_set_at" = "created_at" WHERE "token" IS NOT NULL;
