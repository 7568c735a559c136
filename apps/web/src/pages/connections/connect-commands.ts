/**
 * What the Connections page shows a person to copy: the seed's `POST /api/connect` request and the
 * README's way of running `mc-agent` (in a clone of this repository, after `npm ci`), for `origin`.
 */
export function connectCommands(origin: string) {
  return {
    curl: `curl -X POST "${origin}/api/connect" \\
  -H "x-api-key: YOUR_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "agent_name": "codex-session-01",
    "tool_name": "codex",
    "tool_version": "2.1.0",
    "metadata": { "workspace": "/home/user/project", "model": "claude-3-5-sonnet-20241022" }
  }'`,
    mcAgent: `MC_API_KEY=YOUR_API_KEY npx --no -- mc-agent --url ${origin} --name codex-session-01 --tool codex -- codex`,
  }
}
