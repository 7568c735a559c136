export const USAGE = `Usage: mc-agent [options] -- <command> [args...]

Registers a CLI agent with Mission Control, runs <command> (no shell, same terminal), sends
heartbeats while it runs, disconnects when it ends, and exits with the command's exit code.

Options:
  --url <url>            Mission Control, e.g. http://localhost:3000 (or env MC_URL)
  --api-key <key>        operator API key (or env MC_API_KEY, preferred: arguments show in ps)
  --name <name>          agent name, e.g. codex-session-01 (created on first connect)
  --tool <tool>          tool name, e.g. codex, claude-code
  --tool-version <v>     tool version
  --role <role>          agent role
  --metadata <json>      JSON object (at most 16 KB), merged over { workspace, host, command }
  --interval <seconds>   heartbeat interval (default: the server's heartbeat_interval_s), +/- 20 %
  -v, --verbose          log registration, heartbeats and retries on stderr
  -h, --help             show this help
  --version              print mc-agent's version

If Mission Control cannot be reached, the command runs anyway and registration is retried in the
background; a run that never got registered is reported when it ends. A refused key (401/403) or
a URL that is not Mission Control is reported once; the command keeps running.

Exit status: the command's own; 78 when the command succeeded but Mission Control refused the
agent; 128+N when the command was killed by signal N; 126 when it cannot be executed; 127 when it
is not found; 2 for a usage error.
`
