#!/usr/bin/env bash
# The artefact the production image runs, proven without a container engine: the standalone folder's migration command
# and server against a fresh database on DATABASE_URL's server, then /api/health, a page, one of its scripts and an icon.
set -euo pipefail
cd "$(dirname "$0")/../../.next/standalone"
port=${STANDALONE_PORT:-3299}
base="${DATABASE_URL%/*}"
db=pitwall_ci_standalone
psql "${base}/postgres" -qc "drop database if exists ${db} with (force)" -c "create database ${db}"
export DATABASE_URL="${base}/${db}" PORT=$port HOSTNAME=127.0.0.1 LOG_LEVEL=warn
node pitwall-migrate.mjs
node pitwall-server.mjs & server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:${port}/api/health" >/dev/null && break; sleep 1; done
curl -fsS "http://127.0.0.1:${port}/api/health"; echo
page=$(curl -fsS "http://127.0.0.1:${port}/raceroom")
grep -q "RaceRoom leaderboards" <<<"$page"
script=$(grep -o '/_next/static/[^"]*\.js' <<<"$page" | head -1)
curl -fsS -o /dev/null "http://127.0.0.1:${port}${script}"
curl -fsS -o /dev/null "http://127.0.0.1:${port}/icon.svg"
echo "standalone: /api/health, /raceroom, ${script} and /icon.svg served"
