#!/usr/bin/env bash
# How many public filings per second the whole stack takes: Kestrel → Razor Page → antiforgery →
# SubmitCase through the mediator pipeline → routing + deadlines → one SQLite transaction (case, timeline,
# outbox) → 302 to the receipt. Release build, Production settings, a fresh database, wrk on loopback.
#   bench/filing.sh                      # 20 s, 32 connections
#   DURATION=60s CONNECTIONS=64 bench/filing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-5090}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

data=$(mktemp -d)
dotnet build -c Release src/Feedback.Web -v q --nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  Feedback__DataPath="$data" Email__From=bench@feedback.local RateLimits__filing=1000000000 Logging__LogLevel__Default=Warning \
  dotnet src/Feedback.Web/bin/Release/net10.0/Feedback.Web.dll >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done

page=$(curl -fs -c "$data/cookies" "http://127.0.0.1:$PORT/Public/File")
token=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
category=$(printf '%s' "$page" | grep -A3 'name="Input.CategoryId"' | grep -o 'value="[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f2)
area=$(printf '%s' "$page" | grep -A3 'name="Input.ServiceAreaId"' | grep -o 'value="[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f2)
cookie=$(awk '$6 ~ /Antiforgery/ {print $6"="$7}' "$data/cookies")
[ -n "$token" ] && [ -n "$category" ] && [ -n "$area" ] && [ -n "$cookie" ] || { echo "could not read the form"; exit 1; }

echo "Filing for $DURATION with $CONNECTIONS connections..."
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/filing.lua "http://127.0.0.1:$PORT/Public/File" -- "$token" "$cookie" "$category" "$area"
kill -TERM $app; wait $app 2>/dev/null || true
echo "Database after the run: $(du -h "$data/feedback.db" | cut -f1) (+ WAL $(du -h "$data/feedback.db-wal" 2>/dev/null | cut -f1))"
