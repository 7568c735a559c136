ALTER TABLE "api_keys" ADD COLUMN "automation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_automation_ownerless" CHECK (not ("api_keys"."automation" and "api_keys"."owner_id" is not null));--> statement-breakpoint
-- Keys stored without an owner before this release were made by the MC_API_KEY automation key or by
-- another key (whose owner the api did not record), or lost their owner. The audit log tells which:
-- the automation's keys keep working as automation keys; a key made by a key gets the owner at the
-- root of its chain of creators (what the api does now), and so that owner's current role and
-- standing; any other ownerless key (owner deleted, or its creation not on record) is refused.
WITH RECURSIVE created_by AS (
	SELECT k.id, k.owner_id, (
		SELECT a.actor FROM audit_log a
		WHERE a.action = 'api_key.create' AND a.target = 'key:' || k.name || '#' || k.id
		ORDER BY a.id LIMIT 1
	) AS actor
	FROM api_keys k
), chain AS (
	SELECT id, id AS link, 0 AS depth FROM api_keys WHERE owner_id IS NULL
	UNION ALL
	SELECT chain.id, substring(c.actor FROM '#([0-9]+)$')::int, chain.depth + 1
	FROM chain JOIN created_by c ON c.id = chain.link
	WHERE c.owner_id IS NULL AND c.actor LIKE 'key:%' AND chain.depth < 100
), origin AS (
	SELECT DISTINCT ON (chain.id) chain.id, c.owner_id, c.actor
	FROM chain JOIN created_by c ON c.id = chain.link
	ORDER BY chain.id, chain.depth DESC
)
UPDATE api_keys SET
	owner_id = origin.owner_id,
	automation = origin.owner_id IS NULL AND origin.actor IS NOT DISTINCT FROM 'env-key'
FROM origin WHERE api_keys.id = origin.id;
