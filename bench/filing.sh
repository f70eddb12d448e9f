#!/usr/bin/env bash
# How many public filings per second the whole stack takes: Kestrel → Razor Page → antiforgery →
# SubmitCase through the mediator pipeline → routing + deadlines → one SQLite transaction (case, timeline,
# outbox) → 302 to the receipt. Release build, Production settings, a fresh database, wrk on loopback.
#   bench/filing.sh                      # 5 s warm-up, then 20 s with 32 connections
#   DURATION=60s CONNECTIONS=64 bench/filing.sh
#   APP=/tmp/before/Feedback.Web.dll bench/filing.sh   # an earlier build (a copy of bin/Release), for before/after
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-5090}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# Another app on the port would take the load instead of this build.
if ss -ltn | grep -q "127.0.0.1:$PORT "; then echo "port $PORT is in use (PORT=... to choose another)"; exit 1; fi

data=$(mktemp -d)
if [ -z "${APP:-}" ]; then
  dotnet build -c Release src/Feedback.Web -v q --nologo >/dev/null
  APP=src/Feedback.Web/bin/Release/net10.0/Feedback.Web.dll
fi
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  Feedback__DataPath="$data" Email__From=bench@feedback.local RateLimits__filing=1000000000 Logging__LogLevel__Default=Warning \
  dotnet "$APP" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 1; done

page=$(curl -fs -c "$data/cookies" "http://127.0.0.1:$PORT/Public/File")
token=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
category=$(printf '%s' "$page" | grep -A3 'name="Input.CategoryId"' | grep -o 'value="[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f2)
area=$(printf '%s' "$page" | grep -A3 'name="Input.ServiceAreaId"' | grep -o 'value="[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f2)
cookie=$(awk '$6 ~ /Antiforgery/ {print $6"="$7}' "$data/cookies")
[ -n "$token" ] && [ -n "$category" ] && [ -n "$area" ] && [ -n "$cookie" ] || { echo "could not read the form"; exit 1; }

# A short warm-up first: in the first seconds the JIT is still optimising the hot paths (tiered compilation),
# which would count against the filing path.
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-5s}" -s bench/filing.lua "http://127.0.0.1:$PORT/Public/File" -- "$token" "$cookie" "$category" "$area" >/dev/null

# The app's CPU time (user + system, in clock ticks) before and after the run gives its CPU use: on two cores
# 200 % means the app itself is the limit; much less means it is waiting (on the disk, on a lock).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
echo "Filing for $DURATION with $CONNECTIONS connections (load before: $(cut -d' ' -f1-3 /proc/loadavg))..."
ticks=$(cpu_ticks); started=$(date +%s.%N)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/filing.lua "http://127.0.0.1:$PORT/Public/File" -- "$token" "$cookie" "$category" "$area" | tee "$data/wrk.txt"
# CPU per filing varies much less than filings/s when other work shares the machine.
awk -v t="$(( $(cpu_ticks) - ticks ))" -v hz="$(getconf CLK_TCK)" -v s="$started" -v e="$(date +%s.%N)" \
  -v n="$(awk '/requests in/ {print $1}' "$data/wrk.txt")" -v cores="$(nproc)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN {printf "App CPU: %.0f %% of one core (%d cores), %.2f ms CPU per filing; load after: %s\n", 100 * t / hz / (e - s), cores, 1000 * t / hz / n, load}'

kill -TERM $app; wait $app 2>/dev/null || true
echo "Database after the run: $(du -h "$data/feedback.db" | cut -f1) (+ WAL $(du -h "$data/feedback.db-wal" 2>/dev/null | cut -f1))"
