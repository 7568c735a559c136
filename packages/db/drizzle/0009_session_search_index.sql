-- Trigram matching for the Sessions page's search (pg_trgm ships with Postgres and is a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "gateway_sessions_search_trgm" ON "gateway_sessions" USING gin ((coalesce("label", '') || ' ' || "session_key" || ' ' || coalesce("model", '')) gin_trgm_ops);